package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single sign-on end to end, as the portal does it (docs/claims.md "Single sign-on"), through the real template.yaml with
 * single sign-on on: GET /auth/sso, the browser through the Cognito front's federation and entra-local (npm
 * oidc-provider playing Entra ID), POST /auth/sso/token with the code and PKCE verifier (session cookie set), a pending
 * account a provider admin links as any other, the next token (POST /auth/refresh) with role and tenant, and the MFA state
 * of each sign-in taken from the identity provider's amr.
 */
class SsoFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "jan.jansen@bakkerij.example.test";

  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud(options -> options.withSso(true));

  @Test
  void aFederatedUserSignsInArrivesPendingIsLinkedAndKeepsItsMfaFromTheIdentityProvider() throws Exception {
    JsonNode sso = JSON.readTree(DEMO.gateway().get("/auth/sso", null).body());
    assertTrue(sso.path("enabled").asBoolean(), sso.toString());
    assertEquals("EntraID", sso.path("identityProvider").asText());
    assertEquals(DEMO.cloud().endpoints().gateway() + "/", sso.path("redirectUri").asText(), "the portal is the callback");

    // First sign-in, with a second factor at Entra: pending, MFA from amr
    JsonNode first = signIn(sso, true);
    String idToken = first.path("idToken").asText();
    JsonNode claims = claims(idToken);
    assertEquals("true", claims.path("kp_mfa").asText(), claims.toString());
    assertEquals("EntraID", claims.path("kp_idp").asText());
    JsonNode me = JSON.readTree(DEMO.gateway().get("/me", idToken).body());
    assertTrue(me.path("pending").asBoolean(), me.toString());
    assertEquals(EMAIL, me.path("profile").path("email").asText(), me.toString());
    assertEquals("Jan Jansen", me.path("profile").path("displayName").asText(), "stored by PostConfirmation");
    assertEquals(403, DEMO.gateway().get("/tickets", idToken).statusCode(), "pending: no customer's data");

    // A provider admin links it, as a local sign-up
    String admin = DEMO.signIn().demo("beheer@provider.example.test");
    String sub = claims.path("sub").asText();
    JsonNode pending = JSON.readTree(DEMO.gateway().get("/admin/pending-users", admin).body()).path("items");
    assertTrue(pending.toString().contains(sub), pending.toString());
    HttpResponse<String> linked = DEMO.gateway().post("/users/" + sub + "/link", "{\"customerId\":\"demo-acme\",\"role\":"
        + "\"customer-user\",\"version\":" + me.path("profile").path("version").asLong() + "}", admin);
    assertEquals(200, linked.statusCode(), linked.body());

    // The session cookie of the SSO sign-in renews it with the new claims
    HttpResponse<String> refreshed = DEMO.gateway().send(DEMO.gateway().to("/auth/refresh").header("cookie", first.path("cookie")
        .asText()).header("x-requested-with", "klantportaal").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    String renewed = JSON.readTree(refreshed.body()).path("idToken").asText();
    JsonNode renewedClaims = claims(renewed);
    assertEquals("customer-user", renewedClaims.path("kp_role").asText(), renewedClaims.toString());
    assertEquals("demo-acme", renewedClaims.path("kp_tenant").asText());
    assertEquals("true", renewedClaims.path("kp_mfa").asText(), "the amr of the sign-in still counts at a refresh");
    assertEquals(200, DEMO.gateway().get("/tickets", renewed).statusCode());

    // A later sign-in without a second factor at Entra: no MFA, refused on every route but the MFA-free ones
    JsonNode withoutMfa = signIn(sso, false);
    JsonNode noMfa = claims(withoutMfa.path("idToken").asText());
    assertEquals("false", noMfa.path("kp_mfa").asText(), noMfa.toString());
    assertEquals("customer-user", noMfa.path("kp_role").asText(), "the same account");
    HttpResponse<String> refused = DEMO.gateway().get("/tickets", withoutMfa.path("idToken").asText());
    assertEquals(403, refused.statusCode());
    assertEquals("urn:klantportaal:problem:mfa-required", JSON.readTree(refused.body()).path("type").asText());
  }

  @Test
  void aCodeWithTheWrongVerifierOrATamperedStateGetsNoSession() throws Exception {
    JsonNode sso = JSON.readTree(DEMO.gateway().get("/auth/sso", null).body());
    String verifier = random() + random();
    Map<String, String> callback = EntraBrowser.signIn(authorize(sso, verifier, "state-1"), sso.path("redirectUri").asText(),
        "els.evers@bakkerij.example.test", "Els Evers", true);
    HttpResponse<String> wrong = token(callback.get("code"), random() + random(), sso.path("redirectUri").asText());
    assertEquals(400, wrong.statusCode(), wrong.body());
    assertEquals("urn:klantportaal:problem:invalid-code", JSON.readTree(wrong.body()).path("type").asText());
    assertTrue(wrong.headers().allValues("set-cookie").isEmpty());
    HttpResponse<String> spent = token(callback.get("code"), verifier, sso.path("redirectUri").asText());
    assertEquals(400, spent.statusCode(), "the code was spent by the first attempt: " + spent.body());
  }

  /** The portal's sign-in: PKCE and state, the browser at Entra, the code to POST /auth/sso/token; the answer and cookie. */
  private static JsonNode signIn(JsonNode sso, boolean mfa) throws Exception {
    String verifier = random() + random();
    String state = random();
    Map<String, String> callback = EntraBrowser.signIn(authorize(sso, verifier, state), sso.path("redirectUri").asText(),
        EMAIL, "Jan Jansen", mfa);
    assertEquals(state, callback.get("state"), callback.toString());
    HttpResponse<String> answer = token(callback.get("code"), verifier, sso.path("redirectUri").asText());
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode body = JSON.readTree(answer.body());
    assertEquals("signed-in", body.path("status").asText());
    assertTrue(body.path("refreshToken").isMissingNode(), "the refresh token is in the cookie only");
    String cookie = answer.headers().firstValue("set-cookie").orElseThrow();
    assertTrue(cookie.startsWith("kp_session=") && cookie.contains("HttpOnly"), cookie);
    return ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("cookie", cookie.substring(0, cookie.indexOf(';')));
  }

  private static HttpResponse<String> token(String code, String verifier, String redirectUri) throws Exception {
    String body = JSON.writeValueAsString(Map.of("code", code, "codeVerifier", verifier, "redirectUri", redirectUri));
    return DEMO.gateway().send(DEMO.gateway().request("/auth/sso/token", null).header("x-requested-with", "klantportaal")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static URI authorize(JsonNode sso, String verifier, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", sso.path("clientId").asText());
    query.put("redirect_uri", sso.path("redirectUri").asText());
    query.put("identity_provider", sso.path("identityProvider").asText());
    query.put("scope", sso.path("scope").asText());
    query.put("state", state);
    query.put("code_challenge", FederationFront.s256(verifier));
    query.put("code_challenge_method", "S256");
    return URI.create(sso.path("authorizeEndpoint").asText() + "?" + EntraBrowser.form(query));
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static String random() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
