package nl.klantportaal.identity.handler;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Dispatcher;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.usecase.AuthRequests;
import nl.klantportaal.accounts.identity.usecase.ForgottenPassword;
import nl.klantportaal.accounts.identity.usecase.SessionTokens;
import nl.klantportaal.accounts.identity.usecase.SignIn;
import nl.klantportaal.accounts.identity.usecase.SignInAnswer;
import nl.klantportaal.accounts.identity.usecase.SignUp;
import nl.klantportaal.accounts.identity.usecase.SingleSignOn;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * /auth: sign-up with an e-mailed code, sign-in with password and TOTP, sign-in through Entra ID
 * (GET /auth/sso, POST /auth/sso/token: the code of the pool's hosted sign-in and its PKCE verifier),
 * refresh, sign-out, and the forgotten-password flow. A completed sign-in puts the refresh token into the {@link SessionCookie}
 * (HttpOnly, Secure, SameSite=Strict, Path=/auth); refresh and sign-out read it from there only. Public routes (no token yet); answers never tell whether an address
 * has an account. Never logs bodies: they hold passwords and codes.
 */
public final class AuthHandler extends HttpApiHandler {
  private static final Map<String, String> CODE_SENT = Map.of("status", "code-sent");

  public AuthHandler() {
    this(System.getenv());
  }

  public AuthHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public AuthHandler(KernelWiring wiring) {
    this(CognitoWiring.of(wiring).identityProvider(), IdentityWiring.of(wiring), CognitoWiring.of(wiring).singleSignOn());
  }

  private AuthHandler(IdentityProvider provider, IdentityWiring identity, SingleSignOn sso) {
    this(provider, new SignIn(provider, identity.signInGuard()), sso);
  }

  AuthHandler(IdentityProvider provider, SignIn signIn) {
    this(provider, signIn, new SingleSignOn(Optional.empty(), (code, verifier, redirectUri) -> {
      throw new IllegalStateException("no single sign-on in this handler");
    }));
  }

  AuthHandler(IdentityProvider provider, SignIn signIn, SingleSignOn sso) {
    super(routes(provider, signIn, sso));
  }

  private static Routes routes(IdentityProvider provider, SignIn signIn, SingleSignOn sso) {
    var signUp = new SignUp(provider);
    var session = new SessionTokens(provider);
    var password = new ForgottenPassword(provider);
    return Routes.of(
        Route.of("POST /auth/sign-up", Access.PUBLIC, r -> {
          signUp.start(r.jsonBody(AuthRequests.SignUp.class));
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/confirm", Access.PUBLIC, r -> {
          signUp.confirm(r.jsonBody(AuthRequests.EmailCode.class));
          return ApiResponse.noContent();
        }),
        Route.of("POST /auth/resend-code", Access.PUBLIC, r -> {
          signUp.resendCode(r.jsonBody(AuthRequests.Email.class));
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/sign-in", Access.PUBLIC, r -> answer(
            signIn.withPassword(r.jsonBody(AuthRequests.SignIn.class), r.sourceIp()))),
        Route.of("POST /auth/sign-in/totp", Access.PUBLIC, r -> answer(
            signIn.withTotp(r.jsonBody(AuthRequests.TotpAnswer.class), r.sourceIp()))),
        Route.of("POST /auth/sign-in/new-password", Access.PUBLIC, r -> answer(
            signIn.withNewPassword(r.jsonBody(AuthRequests.NewPassword.class), r.sourceIp()))),
        Route.of("GET /auth/sso", Access.PUBLIC, r -> ApiResponse.ok(sso.start())),
        Route.of("POST /auth/sso/token", Access.PUBLIC, r -> {
          SessionCookie.requireSameOriginScript(r);
          return answer(new IdentityProvider.SignInStep.SignedIn(sso.complete(r.jsonBody(SingleSignOn.Code.class))));
        }),
        Route.of("POST /auth/refresh", Access.PUBLIC, r -> refresh(session, r)),
        Route.of("POST /auth/sign-out", Access.PUBLIC, r -> signOut(session, r)),
        Route.of("POST /auth/forgot-password", Access.PUBLIC, r -> {
          password.requestCode(r.jsonBody(AuthRequests.Email.class));
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/reset-password", Access.PUBLIC, r -> {
          password.reset(r.jsonBody(AuthRequests.ResetPassword.class));
          return ApiResponse.noContent();
        }));
  }

  /** A sign-in step; a completed one keeps its refresh token in the session cookie, never in the body. */
  private static ApiResponse answer(IdentityProvider.SignInStep step) {
    ApiResponse response = ApiResponse.ok(SignInAnswer.of(step));
    if (step instanceof IdentityProvider.SignInStep.SignedIn signedIn && signedIn.tokens().refreshToken().isPresent()) {
      return response.withCookie(SessionCookie.set(signedIn.tokens().idToken(), signedIn.tokens().refreshToken().get()));
    }
    return response;
  }

  /**
   * Fresh ID and access tokens from the session cookie alone (the body is not read): how the portal
   * restores a session after a reload, in every tab, and renews it. No cookie: 401; a refresh token
   * Cognito refuses (expired, revoked by a sign-out or a global sign-out): 401 and the cookie cleared.
   */
  private static ApiResponse refresh(SessionTokens session, ApiRequest r) {
    SessionCookie.requireSameOriginScript(r);
    SessionCookie.Session cookie = SessionCookie.read(r).orElseThrow(() ->
        new ApiProblem(ProblemType.UNAUTHENTICATED, "No session: sign in"));
    IdentityProvider.Tokens tokens;
    try {
      tokens = session.refresh(new AuthRequests.Refresh(cookie.user().value(), cookie.refreshToken()));
    } catch (DomainException.Refused | DomainException.InvalidInput refused) {
      return Dispatcher.answer(r, refused).withCookie(SessionCookie.clear());
    }
    ApiResponse response = ApiResponse.ok(SignInAnswer.tokens(tokens));
    // Cognito issues a new refresh token only when the app client rotates them; then the cookie follows.
    return tokens.refreshToken().map(rotated -> response.withCookie(SessionCookie.set(tokens.idToken(), rotated)))
        .orElse(response);
  }

  /**
   * Revokes the cookie's refresh token (and every token issued from it) and clears the cookie. No
   * cookie: nothing to revoke, the cookie is cleared all the same. A refusal of the revocation is
   * answered as such, with the cookie cleared too.
   */
  private static ApiResponse signOut(SessionTokens session, ApiRequest r) {
    SessionCookie.requireSameOriginScript(r);
    Optional<SessionCookie.Session> cookie = SessionCookie.read(r);
    if (cookie.isPresent()) {
      try {
        session.signOut(new AuthRequests.SignOut(cookie.get().refreshToken()));
      } catch (DomainException.Refused | DomainException.InvalidInput refused) {
        return Dispatcher.answer(r, refused).withCookie(SessionCookie.clear());
      }
    }
    return ApiResponse.noContent().withCookie(SessionCookie.clear());
  }
}
