package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.template.SamTemplate;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Local clouds for the tests, on free ports in a given state folder: of the test template or of the real template.yaml. */
final class TestClouds {
  /** The password of the users {@link #signUpAndSignIn} makes in the test template's pool. */
  static final String TEST_PASSWORD = "Correct-Horse-9!";

  private TestClouds() {}

  /** The test template (test-template.yaml, its handlers and portal). */
  static Options testTemplate(Path stateDir) {
    Path root = SamTemplate.projectRoot();
    return Options.forRoot(root)
        .withTemplate(resource("test-template.yaml"))
        .withStateDir(stateDir)
        .withPorts(Ports.anyFree())
        .withPortal(resource("portal"));
  }

  /** The project's real template.yaml. */
  static Options realTemplate(Path stateDir) {
    return Options.forRoot(SamTemplate.projectRoot()).withStateDir(stateDir).withPorts(Ports.anyFree());
  }

  /** The portal's use cases on the cloud's stores, configured as the named functions are (later ones win). */
  static KernelWiring wiring(LocalCloud cloud, String... functions) {
    Map<String, String> env = new HashMap<>();
    for (String function : functions) {
      env.putAll(cloud.functions().require(function).function().environment());
    }
    return new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC());
  }

  /** Signs {@code email} up in the test template's pool (its PreSignUp trigger confirms) and answers the ID token. */
  static String signUpAndSignIn(LocalCloud cloud, String email) {
    String clientId = cloud.names().ref("UserPoolClient");
    try (CognitoIdentityProviderClient cognito = AwsClients.cognito(cloud.endpoints().cognito())) {
      var signUp = cognito.signUp(r -> r.clientId(clientId).username(email).password(TEST_PASSWORD)
          .userAttributes(a -> a.name("email").value(email)));
      assertTrue(signUp.userConfirmed(), "the PreSignUp trigger confirmed the user");
    }
    return signIn(cloud, email).idToken();
  }

  /** USER_PASSWORD_AUTH of a user {@link #signUpAndSignIn} made in the test template's pool: answers the tokens. */
  static AuthenticationResultType signIn(LocalCloud cloud, String email) {
    String clientId = cloud.names().ref("UserPoolClient");
    try (CognitoIdentityProviderClient cognito = AwsClients.cognito(cloud.endpoints().cognito())) {
      return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
          .authParameters(Map.of("USERNAME", email, "PASSWORD", TEST_PASSWORD))).authenticationResult();
    }
  }

  /** The sign-up or password-reset code cognito-local stored for {@code email} (its pool file, as its log shows it). */
  static String storedConfirmationCode(LocalCloud cloud, String email) throws java.io.IOException {
    return storedCode(cloud, email, "ConfirmationCode");
  }

  /** The code cognito-local mailed to verify a new address of the user who had {@code email}. */
  static String storedAttributeCode(LocalCloud cloud, String email) throws java.io.IOException {
    return storedCode(cloud, email, "AttributeVerificationCode");
  }

  private static String storedCode(LocalCloud cloud, String email, String field) throws java.io.IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(cloud.state().cognito())) {
      Path pool = files.filter(p -> p.toString().contains("/db/") && p.toString().endsWith(".json")
          && !p.getFileName().toString().equals("clients.json")).findFirst().orElseThrow();
      for (var user : json.readTree(pool.toFile()).path("Users")) {
        // a new e-mail address waits in UnverifiedAttributeChanges until its code comes back (the pool's
        // AttributesRequireVerificationBeforeUpdate), so its code is found there too
        if (user.path("Attributes").toString().contains(email) || user.path("UnverifiedAttributeChanges").toString().contains(email)) {
          return user.path(field).asText();
        }
      }
    }
    throw new AssertionError("no " + field + " stored for " + email);
  }

  static Path resource(String name) {
    try {
      URI uri = TestClouds.class.getClassLoader().getResource(name).toURI();
      return Path.of(uri);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
