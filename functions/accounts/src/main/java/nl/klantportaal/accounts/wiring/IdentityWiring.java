package nl.klantportaal.accounts.wiring;

import nl.klantportaal.accounts.adapter.cognito.CognitoIdentityProvider;
import nl.klantportaal.accounts.adapter.cognito.CognitoUserDirectory;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbCustomerRepository;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbSignInAttempts;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbUserRepository;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.ThrottlePolicy;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.accounts.identity.usecase.SignInGuard;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.wiring.KernelWiring;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The identity context's adapters: profiles, customers, the user pool, the app client, the sign-in guard. */
public final class IdentityWiring {
  private final KernelWiring kernel;

  private IdentityWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static IdentityWiring of(KernelWiring kernel) {
    return new IdentityWiring(kernel);
  }

  public CustomerRepository customers() {
    return new DynamoDbCustomerRepository(kernel.table());
  }

  public UserRepository users() {
    return new DynamoDbUserRepository(kernel.table());
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

  public SignInGuard signInGuard() {
    return new SignInGuard(new DynamoDbSignInAttempts(kernel.table()), ThrottlePolicy.DEFAULT, kernel.clock());
  }

  private CognitoIdentityProviderClient cognito() {
    return kernel.clients().client(CognitoIdentityProviderClient.builder(), kernel.config().endpoints().cognito());
  }
}
