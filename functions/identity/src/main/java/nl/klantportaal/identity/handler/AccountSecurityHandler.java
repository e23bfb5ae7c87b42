package nl.klantportaal.identity.handler;

import java.util.Map;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.usecase.AuthRequests;
import nl.klantportaal.accounts.identity.usecase.ChangePassword;
import nl.klantportaal.accounts.identity.usecase.EnrolTotp;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * The signed-in user's own security: TOTP enrolment (reachable before MFA, it is how MFA starts)
 * and changing the password. Cognito's calls need the user's access token, sent in the body next
 * to the ID token that the API's authorizer verified; it must belong to the same user.
 */
public final class AccountSecurityHandler extends HttpApiHandler {

  public AccountSecurityHandler() {
    this(System.getenv());
  }

  public AccountSecurityHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public AccountSecurityHandler(KernelWiring wiring) {
    this(wiring, CognitoWiring.of(wiring).identityProvider());
  }

  AccountSecurityHandler(KernelWiring wiring, IdentityProvider provider) {
    super(routes(wiring, provider));
  }

  private static Routes routes(KernelWiring wiring, IdentityProvider provider) {
    var enrol = new EnrolTotp(provider, IdentityWiring.of(wiring).users(), wiring.clock());
    var changePassword = new ChangePassword(provider);
    return Routes.of(
        Route.of("POST /me/mfa/totp", Access.SIGNED_IN, r -> ApiResponse.ok(
            enrol.start(r.requireCaller(), r.jsonBody(AuthRequests.AccessToken.class)))).beforeMfa(),
        Route.of("POST /me/mfa/totp/verify", Access.SIGNED_IN, r -> {
          enrol.complete(r.requireCaller(), r.jsonBody(AuthRequests.AccessToken.class));
          return ApiResponse.noContent();
        }).beforeMfa(),
        Route.of("POST /me/password", Access.SIGNED_IN, r -> {
          changePassword.execute(r.requireCaller(), r.jsonBody(AuthRequests.ChangePassword.class));
          return ApiResponse.noContent();
        }));
  }
}
