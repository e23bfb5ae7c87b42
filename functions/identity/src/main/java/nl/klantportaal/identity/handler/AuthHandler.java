package nl.klantportaal.identity.handler;

import java.util.Map;
import nl.klantportaal.core.PortalWiring;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.identity.port.IdentityProvider;
import nl.klantportaal.core.identity.usecase.AuthRequests;
import nl.klantportaal.core.identity.usecase.SignIn;
import nl.klantportaal.core.identity.usecase.SignInAnswer;

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
    this(PortalWiring.fromEnvironment(environment));
  }

  public AuthHandler(PortalWiring wiring) {
    this(wiring.identityProvider(), new SignIn(wiring.identityProvider(), wiring.signInGuard()));
  }

  AuthHandler(IdentityProvider provider, SignIn signIn) {
    super(routes(provider, signIn));
  }

  private static Routes routes(IdentityProvider provider, SignIn signIn) {
    return Routes.of(
        Route.of("POST /auth/sign-up", Access.PUBLIC, r -> {
          var valid = r.jsonBody(AuthRequests.SignUp.class).validate();
          provider.signUp(valid.email(), valid.password(), valid.name(), valid.language());
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/confirm", Access.PUBLIC, r -> {
          var valid = r.jsonBody(AuthRequests.EmailCode.class).validate();
          provider.confirmSignUp(valid.email(), valid.code());
          return ApiResponse.noContent();
        }),
        Route.of("POST /auth/resend-code", Access.PUBLIC, r -> {
          provider.resendSignUpCode(r.jsonBody(AuthRequests.Email.class).validate());
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/sign-in", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withPassword(r.jsonBody(AuthRequests.SignIn.class), r.sourceIp())))),
        Route.of("POST /auth/sign-in/totp", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withTotp(r.jsonBody(AuthRequests.TotpAnswer.class), r.sourceIp())))),
        Route.of("POST /auth/sign-in/new-password", Access.PUBLIC, r -> ApiResponse.ok(SignInAnswer.of(
            signIn.withNewPassword(r.jsonBody(AuthRequests.NewPassword.class), r.sourceIp())))),
        Route.of("POST /auth/refresh", Access.PUBLIC, r -> {
          var valid = r.jsonBody(AuthRequests.Refresh.class).validate();
          return ApiResponse.ok(SignInAnswer.tokens(provider.refresh(new UserId(valid.userId()), valid.refreshToken())));
        }),
        Route.of("POST /auth/sign-out", Access.PUBLIC, r -> {
          provider.signOut(r.jsonBody(AuthRequests.SignOut.class).validate());
          return ApiResponse.noContent();
        }),
        Route.of("POST /auth/forgot-password", Access.PUBLIC, r -> {
          provider.forgotPassword(r.jsonBody(AuthRequests.Email.class).validate());
          return ApiResponse.json(202, CODE_SENT);
        }),
        Route.of("POST /auth/reset-password", Access.PUBLIC, r -> {
          var valid = r.jsonBody(AuthRequests.ResetPassword.class).validate();
          provider.confirmForgotPassword(valid.email(), valid.code(), valid.newPassword());
          return ApiResponse.noContent();
        }));
  }
}
