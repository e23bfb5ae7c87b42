package nl.klantportaal.local;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SsoFederationContract} against the local cloud's stand-in for the user pool domain's federation (the Cognito
 * front's {@link FederationFront}, a fake of this project), with entra-local (npm oidc-provider) playing Entra ID.
 */
class LocalSsoFederationContractIT extends SsoFederationContract {

  @RegisterExtension
  static final DemoCloud CLOUD = new DemoCloud(options -> options.withSso(true));

  private static Map<String, String> auth() {
    return CLOUD.cloud().functions().invoker("AuthFunction").orElseThrow().function().environment();
  }

  @Override
  protected URI domain() {
    return URI.create(auth().get("SSO_DOMAIN"));
  }

  @Override
  protected String clientId() {
    return auth().get("USER_POOL_CLIENT_ID");
  }

  @Override
  protected String clientSecret() {
    return auth().get("USER_POOL_CLIENT_SECRET");
  }

  @Override
  protected String redirectUri() {
    return auth().get("SSO_REDIRECT_URI");
  }

  @Override
  protected String identityProvider() {
    return auth().get("SSO_IDENTITY_PROVIDER");
  }
}
