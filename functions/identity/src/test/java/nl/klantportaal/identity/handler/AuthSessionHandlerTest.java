package nl.klantportaal.identity.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.identity.adapter.cognito.PartialIdentityProvider;
import nl.klantportaal.accounts.identity.usecase.SignIn;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session cookie of the /auth routes (docs/claims.md, "Sessions"): a completed sign-in sets it
 * with its attributes and keeps the refresh token out of the body; refresh restores tokens from the
 * cookie alone and refuses without it, without the X-Requested-With header, or once Cognito refuses
 * the token (clearing it); sign-out revokes and clears. Cognito is a recording fake here; the same
 * flow against cognito-local is IdentityFlowIT's.
 */
class AuthSessionHandlerTest {
  private static final String SUB = "0a1b2c3d-0000-4000-8000-00000000e101";
  private static final String REFRESH = "eyJjdHkiOiJKV1QiExample";
  private static final String EXPECTED_ATTRIBUTES = "; Path=/auth; Secure; HttpOnly; SameSite=Strict";

  private FakeCognito cognito;
  private AuthHandler handler;

  @BeforeEach
  void handler() {
    var wiring = IdentityFixtures.freshWiring();
    cognito = new FakeCognito();
    handler = new AuthHandler(cognito, new SignIn(cognito, IdentityWiring.of(wiring).signInGuard()));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("auth"));
  }

  private static APIGatewayV2HTTPEvent refresh() {
    return Lambda.httpEvent("identity/auth/refresh.json");
  }

  private static APIGatewayV2HTTPEvent signOut() {
    return Lambda.httpEvent("identity/auth/sign-out.json");
  }

  private static APIGatewayV2HTTPEvent withCookies(APIGatewayV2HTTPEvent event, List<String> cookies) {
    event.setCookies(cookies);
    return event;
  }

  private static APIGatewayV2HTTPEvent withoutHeader(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove(name);
    event.setHeaders(headers);
    return event;
  }

  @Test
  void aCompletedSignInSetsTheSessionCookieAndAnswersOnlyTheIdAndAccessTokens() {
    var response = call(Lambda.httpEvent("identity/auth/sign-in.json"));

    var body = HttpEvents.ok(response);
    assertEquals("signed-in", body.get("status").asText());
    assertEquals(cognito.idToken(), body.get("idToken").asText());
    assertEquals("access-1", body.get("accessToken").asText());
    assertFalse(body.has("refreshToken"), "the refresh token is never in the body: " + body);
    assertFalse(response.getBody().contains(REFRESH), "nor anywhere else in it");
    assertEquals(List.of("kp_session=" + SUB + "." + REFRESH + "; Max-Age=2592000" + EXPECTED_ATTRIBUTES),
        response.getCookies(), "30 days, the app client's RefreshTokenValidity");
  }

  @Test
  void aChallengeSetsNoCookie() {
    cognito.challenge = true;
    var response = call(Lambda.httpEvent("identity/auth/sign-in.json"));

    assertEquals("totp-required", HttpEvents.ok(response).get("status").asText());
    assertNull(response.getCookies());
  }

  @Test
  void refreshRestoresTheSessionFromTheCookieAlone() {
    var response = call(refresh());

    var body = HttpEvents.ok(response);
    assertEquals(cognito.idToken(), body.get("idToken").asText());
    assertFalse(body.has("refreshToken"));
    assertEquals(List.of(SUB + " " + REFRESH), cognito.refreshed, "the cookie's user and token went to Cognito");
    assertNull(response.getCookies(), "the cookie stands as set at sign-in (no rotation)");
  }

  @Test
  void aRotatedRefreshTokenReplacesTheCookie() {
    cognito.rotate = true;
    var response = call(refresh());

    assertEquals(200, response.getStatusCode());
    assertEquals(List.of("kp_session=" + SUB + ".rotated-2; Max-Age=2592000" + EXPECTED_ATTRIBUTES), response.getCookies());
  }

  @Test
  void refreshWithoutACookieIsUnauthenticated() {
    var response = call(withCookies(refresh(), null));

    HttpEvents.assertProblem(response, 401, "unauthenticated");
    assertEquals(List.of(), cognito.refreshed, "nothing reaches Cognito");
  }

  @Test
  void aCookieThatIsNotOneOfOursIsUnauthenticated() {
    for (String cookie : List.of("kp_session=", "kp_session=no-dot", "kp_session=.token", "kp_session=sub%00x.token",
        "other=" + SUB + "." + REFRESH)) {
      HttpEvents.assertProblem(call(withCookies(refresh(), List.of(cookie))), 401, "unauthenticated");
    }
    assertEquals(List.of(), cognito.refreshed);
  }

  @Test
  void theCookieIsFoundAmongOthers() {
    var response = call(withCookies(refresh(), List.of("theme=dark", "kp_session=" + SUB + "." + REFRESH, "x=y")));

    assertEquals(200, response.getStatusCode(), response.getBody());
  }

  @Test
  void refreshWithoutTheCustomHeaderIsForbiddenAndNeverReadsTheCookie() {
    var response = call(withoutHeader(refresh(), "x-requested-with"));

    HttpEvents.assertProblem(response, 403, "forbidden");
    assertEquals(List.of(), cognito.refreshed, "a cross-site form cannot send the header, so nothing happens");
  }

  @Test
  void aRefusedRefreshTokenIsUnauthorizedAndClearsTheCookie() {
    cognito.revoked.add(REFRESH);
    var response = call(refresh());

    HttpEvents.assertProblem(response, 401, "invalid-credentials");
    assertEquals(List.of("kp_session=; Max-Age=0" + EXPECTED_ATTRIBUTES), response.getCookies());
  }

  @Test
  void signOutRevokesTheCookiesTokenAndClearsTheCookieAfterwhichRefreshIsRefused() {
    var response = call(signOut());

    assertEquals(204, response.getStatusCode(), response.getBody());
    assertEquals(List.of("kp_session=; Max-Age=0" + EXPECTED_ATTRIBUTES), response.getCookies());
    assertEquals(Set.of(REFRESH), cognito.revoked);
    HttpEvents.assertProblem(call(refresh()), 401, "invalid-credentials");
  }

  @Test
  void signOutWithoutACookieStillClearsIt() {
    var response = call(withCookies(signOut(), null));

    assertEquals(204, response.getStatusCode());
    assertEquals(List.of("kp_session=; Max-Age=0" + EXPECTED_ATTRIBUTES), response.getCookies());
    assertTrue(cognito.revoked.isEmpty());
  }

  @Test
  void signOutWithoutTheCustomHeaderIsForbidden() {
    HttpEvents.assertProblem(call(withoutHeader(signOut(), "x-requested-with")), 403, "forbidden");
    assertTrue(cognito.revoked.isEmpty());
  }

  /** Cognito as the /auth routes use it: one user, a refresh token that a revocation ends. */
  private static final class FakeCognito extends PartialIdentityProvider {
    final List<String> refreshed = new ArrayList<>();

    FakeCognito() {
      super("the session tests");
    }
    final Set<String> revoked = new HashSet<>();
    boolean challenge;
    boolean rotate;

    String idToken() {
      String claims = "{\"sub\":\"" + SUB + "\",\"token_use\":\"id\"}";
      return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Override
    public SignInStep signIn(String email, String password) {
      return challenge ? new SignInStep.TotpRequired("session-1")
          : new SignInStep.SignedIn(new Tokens(idToken(), "access-1", Optional.of(REFRESH), 900));
    }

    @Override
    public Tokens refresh(UserId user, String refreshToken) {
      if (revoked.contains(refreshToken)) {
        throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
      }
      refreshed.add(user.value() + " " + refreshToken);
      return new Tokens(idToken(), "access-2", rotate ? Optional.of("rotated-2") : Optional.empty(), 900);
    }

    @Override
    public void signOut(String refreshToken) {
      revoked.add(refreshToken);
    }

  }
}
