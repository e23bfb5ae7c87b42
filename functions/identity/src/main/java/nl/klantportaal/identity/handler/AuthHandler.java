package nl.klantportaal.identity.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
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
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * /auth: sign-up with an e-mailed code, sign-in with password and TOTP, refresh, sign-out, and the
 * forgotten-password flow. Public routes (no token yet); answers never tell whether an address
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
    this(CognitoWiring.of(wiring).identityProvider(), IdentityWiring.of(wiring));
  }

  private AuthHandler(IdentityProvider provider, IdentityWiring identity) {
    this(provider, new SignIn(provider, identity.signInGuard()));
  }

  AuthHandler(IdentityProvider provider, SignIn signIn) {
    super(routes(provider, signIn));
  }

  private static Routes routes(IdentityProvider provider, SignIn signIn) {
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
        Route.of("POST /auth/sign-in", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withPassword(r.jsonBody(AuthRequests.SignIn.class), r.sourceIp())))),
        Route.of("POST /auth/sign-in/totp", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withTotp(r.jsonBody(AuthRequests.TotpAnswer.class), r.sourceIp())))),
        Route.of("POST /auth/sign-in/new-password", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withNewPassword(r.jsonBody(AuthRequests.NewPassword.class), r.sourceIp())))),
        Route.of("POST /auth/refresh", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.tokens(
            session.refresh(r.jsonBody(AuthRequests.Refresh.class))))),
        Route.of("POST /auth/sign-out", Access.PUBLIC, r -> {
          session.signOut(r.jsonBody(AuthRequests.SignOut.class));
          return ApiResponse.noContent();
        }),
        Route.of("POST /auth/forgot-password", Access.PUBLIC, r -> {
          password.requestCode(r.jsonBody(AuthRequests.Email.class));
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/reset-password", Access.PUBLIC, r -> {
          password.reset(r.jsonBody(AuthRequests.ResetPassword.class));
          return ApiResponse.noContent();
        }));
  }
}
