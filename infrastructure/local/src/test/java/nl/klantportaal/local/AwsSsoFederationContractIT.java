package nl.klantportaal.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SsoFederationContract} against a real user pool domain, only when asked: {@code KLANTPORTAAL_AWS_CONTRACT=1} and
 * <ul>
 *   <li>{@code KLANTPORTAAL_AWS_SSO_DOMAIN}: the pool domain's base URL (the stack's {@code SSO_DOMAIN});</li>
 *   <li>{@code KLANTPORTAAL_AWS_SSO_CLIENT_ID} and {@code KLANTPORTAAL_AWS_SSO_CLIENT_SECRET}: the app client;</li>
 *   <li>{@code KLANTPORTAAL_AWS_SSO_REDIRECT_URI}: one of its callback URLs;</li>
 *   <li>{@code KLANTPORTAAL_AWS_SSO_PROVIDER}: the pool's OIDC provider, whose issuer is an {@code entra-local.mjs}
 *       Cognito can reach (its sign-in form is what the contract fills in; Entra ID's own cannot be scripted).</li>
 * </ul>
 * Skipped otherwise, each test with the reason.
 */
class AwsSsoFederationContractIT extends SsoFederationContract {
  private static final List<String> SETTINGS = List.of("KLANTPORTAAL_AWS_SSO_DOMAIN", "KLANTPORTAAL_AWS_SSO_CLIENT_ID",
      "KLANTPORTAAL_AWS_SSO_CLIENT_SECRET", "KLANTPORTAAL_AWS_SSO_REDIRECT_URI", "KLANTPORTAAL_AWS_SSO_PROVIDER");
  private final Map<String, String> env = System.getenv();

  @BeforeEach
  void enabled() {
    assumeTrue("1".equals(env.get("KLANTPORTAAL_AWS_CONTRACT")),
        "Real AWS not enabled: set KLANTPORTAAL_AWS_CONTRACT=1 (plus " + String.join(", ", SETTINGS) + ")");
    for (String setting : SETTINGS) {
      assumeTrue(env.get(setting) != null && !env.get(setting).isBlank(),
          "KLANTPORTAAL_AWS_CONTRACT=1 but " + setting + " is not set");
    }
  }

  @Override
  protected URI domain() {
    return URI.create(env.get("KLANTPORTAAL_AWS_SSO_DOMAIN"));
  }

  @Override
  protected String clientId() {
    return env.get("KLANTPORTAAL_AWS_SSO_CLIENT_ID");
  }

  @Override
  protected String clientSecret() {
    return env.get("KLANTPORTAAL_AWS_SSO_CLIENT_SECRET");
  }

  @Override
  protected String redirectUri() {
    return env.get("KLANTPORTAAL_AWS_SSO_REDIRECT_URI");
  }

  @Override
  protected String identityProvider() {
    return env.get("KLANTPORTAAL_AWS_SSO_PROVIDER");
  }
}
