package nl.klantportaal.identity.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.usecase.SignIn;
import nl.klantportaal.accounts.identity.usecase.SingleSignOn;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through Entra ID at the API (docs/claims.md, "Single sign-on"): GET /auth/sso tells the portal where to send
 * the browser (or that there is no SSO); POST /auth/sso/token exchanges the code and PKCE verifier and completes the
 * sign-in as a password sign-in does (tokens in the body, the refresh token in the session cookie). The token endpoint
 * is a recording fake here; CognitoTokenEndpointTest holds the HTTP exchange, SsoFederationIT the whole flow.
 */
class SsoHandlerTest {
  private static final String SUB = "0a1b2c3d-0000-4000-8000-00000000f101";
  private static final String REDIRECT = "https://portal.example.test/";
  private static final SingleSignOn.Settings SETTINGS = new SingleSignOn.Settings(
      "https://klantportaal-prod-1.auth.eu-west-1.amazoncognito.com/oauth2/authorize", "5n8exampleclientid", "EntraID", REDIRECT);

  private final List<String> exchanged = new ArrayList<>();
  private boolean refuse;

  private AuthHandler handler(Optional<SingleSignOn.Settings> settings) {
    var wiring = IdentityFixtures.freshWiring();
    IdentityProvider unused = (IdentityProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {IdentityProvider.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("not part of the SSO tests: " + method.getName());
        });
    var sso = new SingleSignOn(settings, (code, verifier, redirectUri) -> {
      if (refuse) {
        throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CODE);
      }
      exchanged.add(code + " " + verifier + " " + redirectUri);
      return new IdentityProvider.Tokens(idToken(), "access-sso", Optional.of("refresh-sso"), 900);
    });
    return new AuthHandler(unused, new SignIn(unused, IdentityWiring.of(wiring).signInGuard()), sso);
  }

  private static String idToken() {
    String claims = "{\"sub\":\"" + SUB + "\",\"token_use\":\"id\"}";
    return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  private APIGatewayV2HTTPResponse call(AuthHandler handler, APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("auth"));
  }

  private static APIGatewayV2HTTPEvent token(Map<String, String> changes) {
    APIGatewayV2HTTPEvent event = Lambda.httpEvent("identity/auth/sso-token.json");
    if (!changes.isEmpty()) {
      Map<String, String> body = new HashMap<>(Map.of("code", "7f0c2d5e-9a1b-4c3d-8e2f-0123456789ab",
          "codeVerifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "redirectUri", REDIRECT));
      body.putAll(changes);
      event.setBody(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body).toString());
    }
    return event;
  }

  @Test
  void theStartNamesTheAuthorizeEndpointClientProviderRedirectAndScopes() {
    var body = HttpEvents.ok(call(handler(Optional.of(SETTINGS)), Lambda.httpEvent("identity/auth/sso-start.json")));
    assertTrue(body.get("enabled").asBoolean());
    assertEquals(SETTINGS.authorizeEndpoint(), body.get("authorizeEndpoint").asText());
    assertEquals("5n8exampleclientid", body.get("clientId").asText());
    assertEquals("EntraID", body.get("identityProvider").asText());
    assertEquals(REDIRECT, body.get("redirectUri").asText());
    assertEquals("openid email profile", body.get("scope").asText(), "never aws.cognito.signin.user.admin");
  }

  @Test
  void withoutSsoTheStartSaysSoAndCodesAreNotFound() {
    var handler = handler(Optional.empty());
    var body = HttpEvents.ok(call(handler, Lambda.httpEvent("identity/auth/sso-start.json")));
    assertEquals("{\"enabled\":false}", body.toString());
    HttpEvents.assertProblem(call(handler, token(Map.of())), 404, "not-found");
  }

  @Test
  void aCodeCompletesTheSignInWithTheRefreshTokenInTheSessionCookieOnly() {
    var response = call(handler(Optional.of(SETTINGS)), token(Map.of()));
    var body = HttpEvents.ok(response);
    assertEquals("signed-in", body.get("status").asText());
    assertEquals(idToken(), body.get("idToken").asText());
    assertEquals("access-sso", body.get("accessToken").asText());
    assertFalse(response.getBody().contains("refresh-sso"));
    assertEquals(List.of("kp_session=" + SUB + ".refresh-sso; Max-Age=2592000; Path=/auth; Secure; HttpOnly; SameSite=Strict"),
        response.getCookies());
    assertEquals(List.of("7f0c2d5e-9a1b-4c3d-8e2f-0123456789ab dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk " + REDIRECT),
        exchanged);
  }

  @Test
  void aRefusedCodeIsInvalidCodeWithoutCookie() {
    refuse = true;
    var response = call(handler(Optional.of(SETTINGS)), token(Map.of()));
    HttpEvents.assertProblem(response, 400, "invalid-code");
    assertNull(response.getCookies());
  }

  @Test
  void badInputIsRefusedBeforeCognitoIsAsked() {
    var handler = handler(Optional.of(SETTINGS));
    HttpEvents.assertProblem(call(handler, token(Map.of("codeVerifier", "too-short"))), 400, "validation-failed");
    HttpEvents.assertProblem(call(handler, token(Map.of("codeVerifier", "x".repeat(129)))), 400, "validation-failed");
    HttpEvents.assertProblem(call(handler, token(Map.of("code", "a b<script>"))), 400, "validation-failed");
    HttpEvents.assertProblem(call(handler, token(Map.of("redirectUri", "https://evil.example.test/"))), 400,
        "validation-failed");
    assertTrue(exchanged.isEmpty(), "nothing reached the token endpoint");
  }

  @Test
  void theExchangeNeedsThePortalsScriptHeader() {
    var event = token(Map.of());
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-requested-with");
    event.setHeaders(headers);
    HttpEvents.assertProblem(call(handler(Optional.of(SETTINGS)), event), 403, "forbidden");
    assertTrue(exchanged.isEmpty());
  }
}
