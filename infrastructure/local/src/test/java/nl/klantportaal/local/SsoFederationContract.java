package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.identity.adapter.cognito.CognitoTokenEndpoint;
import org.junit.jupiter.api.Test;

/**
 * What the portal relies on from the user pool domain's federation to Entra ID (docs/claims.md "Single sign-on"): a
 * browser sent to {@code /oauth2/authorize} with {@code identity_provider} and a PKCE challenge signs in at the identity
 * provider and comes back to the redirect URI with a code and its own state; the production {@link CognitoTokenEndpoint}
 * exchanges the code (client secret, verifier) for the pool's tokens, whose ID token passed the stack's PreTokenGeneration
 * trigger: a first sign-in is a pending account (no role), its {@code kp_mfa} is the identity provider's {@code amr}, and it
 * names the provider ({@code kp_idp}); a code is spent by its first exchange; a wrong verifier or client secret is refused;
 * an unregistered redirect URI is never redirected to.
 *
 * <p>The identity provider's sign-in page is {@code entra-local.mjs}'s (a form with e-mail, name and an "mfa" check box).
 * {@code LocalSsoFederationContractIT} runs this against the local Cognito front ({@link FederationFront}), a fake;
 * {@code AwsSsoFederationContractIT} against a real user pool whose OIDC provider is an entra-local Cognito can reach
 * (only when enabled).
 */
abstract class SsoFederationContract {
  /** The user pool domain's base URL (its /oauth2/authorize and /oauth2/token). */
  protected abstract URI domain();

  protected abstract String clientId();

  protected abstract String clientSecret();

  /** A callback URL of the app client: the portal's. */
  protected abstract String redirectUri();

  /** The identity provider's name in the pool (template.yaml: EntraID). */
  protected abstract String identityProvider();

  /** A callback at the redirect URI: its query parameters and the PKCE verifier that goes with its code. */
  record Callback(Map<String, String> parameters, String verifier) {
    String code() {
      return parameters.getOrDefault("code", "");
    }
  }

  @Test
  void aFederatedSignInWithMfaGivesAPendingAccountWithTheIdentityProvidersMfa() throws Exception {
    String state = random();
    Callback callback = signIn(newEmail(), "Jan Jansen", true, state);
    assertEquals(state, callback.parameters().get("state"), "the portal's state comes back unchanged");
    assertFalse(callback.code().isEmpty(), callback.parameters().toString());

    IdentityProvider.Tokens tokens = exchange().exchange(callback.code(), callback.verifier(), redirectUri());
    JsonNode claims = claims(tokens.idToken());
    assertEquals("true", claims.path("kp_mfa").asText(), claims.toString());
    assertEquals(identityProvider(), claims.path("kp_idp").asText(), claims.toString());
    assertTrue(claims.path("kp_role").isMissingNode(), "a first sign-in arrives pending: " + claims);
    assertTrue(claims.path("kp_tenant").isMissingNode(), claims.toString());
    assertTrue(claims.path("custom:idp_amr").isMissingNode(), "the raw amr stays out of the token: " + claims);
    assertTrue(tokens.refreshToken().isPresent(), "a refresh token for the session cookie");
  }

  @Test
  void aSignInWithoutASecondFactorHasNoMfaClaim() throws Exception {
    Callback callback = signIn(newEmail(), "Piet Pieters", false, random());
    JsonNode claims = claims(exchange().exchange(callback.code(), callback.verifier(), redirectUri()).idToken());
    assertEquals("false", claims.path("kp_mfa").asText(), claims.toString());
  }

  @Test
  void theMfaStateFollowsEachSignInNotTheFirst() throws Exception {
    String email = newEmail();
    Callback first = signIn(email, "Anna de Boer", true, random());
    assertEquals("true", claims(exchange().exchange(first.code(), first.verifier(), redirectUri()).idToken()).path("kp_mfa").asText());
    Callback second = signIn(email, "Anna de Boer", false, random());
    JsonNode claims = claims(exchange().exchange(second.code(), second.verifier(), redirectUri()).idToken());
    assertEquals("false", claims.path("kp_mfa").asText(), "the amr of this sign-in counts: " + claims);
  }

  @Test
  void aCodeIsSpentByItsFirstExchange() throws Exception {
    Callback callback = signIn(newEmail(), "Kees Klaassen", true, random());
    exchange().exchange(callback.code(), callback.verifier(), redirectUri());
    var refused = assertThrows(DomainException.Refused.class,
        () -> exchange().exchange(callback.code(), callback.verifier(), redirectUri()));
    assertEquals(DomainException.Refused.Reason.INVALID_CODE, refused.reason());
  }

  @Test
  void aWrongVerifierIsRefused() throws Exception {
    Callback callback = signIn(newEmail(), "Els Evers", true, random());
    var refused = assertThrows(DomainException.Refused.class,
        () -> exchange().exchange(callback.code(), random() + random(), redirectUri()));
    assertEquals(DomainException.Refused.Reason.INVALID_CODE, refused.reason());
  }

  @Test
  void aWrongClientSecretIsAFaultOfTheSetUpNotACodeProblem() throws Exception {
    Callback callback = signIn(newEmail(), "Tom Tuin", true, random());
    var wrong = new CognitoTokenEndpoint(CognitoTokenEndpoint.defaultClient(), domain(), clientId(), "not-the-secret");
    var fault = assertThrows(IllegalStateException.class, () -> wrong.exchange(callback.code(), callback.verifier(), redirectUri()));
    assertTrue(fault.getMessage().contains("invalid_client"), fault.getMessage());
  }

  @Test
  void anUnregisteredRedirectUriIsNeverRedirectedTo() throws Exception {
    String evil = "https://evil.example.test/";
    HttpResponse<String> response = browser().send(HttpRequest.newBuilder(authorize(evil, challenge(random() + random()),
        random())).GET().build(), HttpResponse.BodyHandlers.ofString());
    String location = response.headers().firstValue("Location").orElse("");
    assertFalse(location.startsWith(evil), "sent to " + location);
    assertTrue(response.statusCode() >= 300, "refused or sent to an error page: " + response.statusCode());
  }

  // --- the browser ---------------------------------------------------------------------------------

  private CognitoTokenEndpoint exchange() {
    return new CognitoTokenEndpoint(CognitoTokenEndpoint.defaultClient(), domain(), clientId(), clientSecret());
  }

  private static HttpClient browser() {
    return EntraBrowser.browser();
  }

  /** A fresh browser's sign-in with a new PKCE verifier. */
  private Callback signIn(String email, String name, boolean mfa, String state) throws IOException, InterruptedException {
    String verifier = random() + random();
    return new Callback(EntraBrowser.signIn(authorize(redirectUri(), challenge(verifier), state), redirectUri(), email, name,
        mfa), verifier);
  }

  private URI authorize(String redirectUri, String challenge, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId());
    query.put("redirect_uri", redirectUri);
    query.put("identity_provider", identityProvider());
    query.put("scope", "openid email profile");
    query.put("state", state);
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    return URI.create(domain().toString().replaceAll("/+$", "") + "/oauth2/authorize?" + EntraBrowser.form(query));
  }

  private static String challenge(String verifier) {
    return FederationFront.s256(verifier);
  }

  private static JsonNode claims(String jwt) throws IOException {
    return AwsJsonApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static String newEmail() {
    return "sso-" + UUID.randomUUID().toString().substring(0, 8) + "@bakkerij.example.test";
  }

  private static String random() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
