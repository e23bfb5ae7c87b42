package nl.klantportaal.identity.wiring;

import java.net.URI;
import java.util.Optional;
import nl.klantportaal.accounts.identity.port.AuthorizationCodeExchange;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.usecase.SingleSignOn;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.adapter.cognito.CognitoIdentityProvider;
import nl.klantportaal.identity.adapter.cognito.CognitoTokenEndpoint;
import nl.klantportaal.identity.adapter.cognito.CognitoUserDirectory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The identity context's Cognito side: the user pool (as a {@link UserDirectory}) and the app client
 * (as an {@link IdentityProvider}). It lives with the identity functions because only they call
 * Cognito; the profiles and customers other contexts read are wired by {@code IdentityWiring}.
 */
public final class CognitoWiring {
  private final KernelWiring kernel;

  private CognitoWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static CognitoWiring of(KernelWiring kernel) {
    return new CognitoWiring(kernel);
  }

  /** The user pool named by USER_POOL_ID; only functions that change accounts have it. */
  public UserDirectory userDirectory() {
    return new CognitoUserDirectory(cognito(), ContextSettings.UserPool.from(kernel.config()).id());
  }

  /** The app client (USER_POOL_CLIENT_ID and its secret); only the /auth and /me security functions have it. */
  public IdentityProvider identityProvider() {
    ContextSettings.AppClient client = ContextSettings.AppClient.from(kernel.config());
    return new CognitoIdentityProvider(cognito(), client.id(), client.secret());
  }

  /**
   * Sign-in through Entra ID: the pool domain's authorize endpoint for the portal, its token endpoint for the
   * code (with the app client's secret); without SSO settings, a flow that answers "not set up".
   */
  public SingleSignOn singleSignOn() {
    ContextSettings.AppClient client = ContextSettings.AppClient.from(kernel.config());
    Optional<ContextSettings.Sso> sso = ContextSettings.Sso.from(kernel.config());
    var settings = sso.map(s -> new SingleSignOn.Settings(s.domain() + "/oauth2/authorize", client.id(),
        s.identityProvider(), s.redirectUri()));
    AuthorizationCodeExchange exchange = sso.<AuthorizationCodeExchange>map(s -> new CognitoTokenEndpoint(
            CognitoTokenEndpoint.defaultClient(), URI.create(s.domain()), client.id(), client.secret()))
        .orElse((code, verifier, redirectUri) -> {
          throw new IllegalStateException("Single sign-on is not set up (no SSO_DOMAIN)");
        });
    return new SingleSignOn(settings, exchange);
  }

  private CognitoIdentityProviderClient cognito() {
    return kernel.clients().client(CognitoIdentityProviderClient.builder(), kernel.config().endpoints().cognito());
  }
}
