package nl.klantportaal.identity.wiring;

import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.adapter.cognito.CognitoIdentityProvider;
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

  private CognitoIdentityProviderClient cognito() {
    return kernel.clients().client(CognitoIdentityProviderClient.builder(), kernel.config().endpoints().cognito());
  }
}
