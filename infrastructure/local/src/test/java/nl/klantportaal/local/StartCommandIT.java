package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The README's start command against the project's real template.yaml: it builds, starts, serves
 * {@code /health} and {@code /me} with a real cognito-local ID token, and stops without leftovers.
 */
class StartCommandIT {

  private static final Path ROOT = SamTemplate.projectRoot();
  private static final Path START = ROOT.resolve("infrastructure/local/start");
  private static final List<String> FREE_PORTS = List.of("--gateway-port", "0", "--dynamodb-port", "0", "--s3-port", "0",
      "--cognito-port", "0", "--ses-port", "0", "--lambda-port", "0", "--smtp-port", "0");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path state;

  private Path log() {
    return state.resolveSibling(state.getFileName() + "-start.log");
  }

  /** Runs the start command with its console in a log file and no stdin, as a user's terminal would not block it. */
  private Process start(String... flags) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", START.toString(), "--state", state.toString()));
    command.addAll(FREE_PORTS);
    command.addAll(List.of(flags));
    return new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log().toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
  }

  @Test
  void exitWhenReadyStartsTheRealTemplateAndStopsCleanly() throws Exception {
    Process process = start("--exit-when-ready", "--fresh");
    try {
      boolean ended = process.waitFor(5, TimeUnit.MINUTES);
      String output = Files.readString(log());
      assertTrue(ended, "the start command did not return:\n" + output);
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("Local cloud was ready"), output);
      assertTrue(output.contains("SES inbox"), output);
      assertTrue(pidFiles().isEmpty(), "no child process left running");
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log());
    }
  }

  @Test
  void healthAndMeOfTheRealTemplateAnswerThroughTheStartedCloud() throws Exception {
    Process process = start();
    try {
      Map<String, String> urls = awaitReady(process);
      List<Long> children = pidFiles().stream().map(StartCommandIT::pid).toList();
      assertEquals(2, children.size());
      GatewayClient api = new GatewayClient(URI.create(urls.get("API")));

      HttpResponse<String> health = api.send(api.to("/health"));
      assertEquals(200, health.statusCode(), health.body());
      assertEquals("ok", JSON.readTree(health.body()).path("status").asText());

      HttpResponse<String> anonymous = api.send(api.to("/me"));
      assertEquals(401, anonymous.statusCode());

      String idToken = signUp(URI.create(urls.get("Cognito")));
      HttpResponse<String> me = api.send(api.to("/me").header("Authorization", "Bearer " + idToken));
      // The verified token's claims reached MeHandler: it answers with the caller's own identity.
      assertEquals(200, me.statusCode(), me.body());
      JsonNode caller = JSON.readTree(me.body());
      assertEquals("smoke@example.test", caller.path("email").asText(), me.body());
      assertEquals(com.nimbusds.jwt.SignedJWT.parse(idToken).getJWTClaimsSet().getSubject(), caller.path("userId").asText());

      process.destroy();
      assertTrue(process.waitFor(1, TimeUnit.MINUTES), "stopped on SIGTERM");
      for (long pid : children) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "PID " + pid + " still runs");
      }
      assertTrue(pidFiles().isEmpty());
    } finally {
      process.destroyForcibly();
      process.waitFor(1, TimeUnit.MINUTES);
      Files.deleteIfExists(log());
    }
  }

  /** Waits for the ready line of the console (the build comes first); returns the URL of each summary line by label. */
  private Map<String, String> awaitReady(Process process) throws Exception {
    Pattern url = Pattern.compile("(?m)^\\s+(API|Cognito)\\s+(http://\\S+)");
    for (int i = 0; i < 3000 && process.isAlive(); i++) {
      String output = Files.exists(log()) ? Files.readString(log()) : "";
      if (output.contains("Local cloud ready")) {
        Map<String, String> urls = new java.util.HashMap<>();
        Matcher m = url.matcher(output);
        while (m.find()) {
          urls.put(m.group(1), m.group(2));
        }
        return urls;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The start command did not get ready:\n" + Files.readString(log()));
  }

  private String signUp(URI cognitoEndpoint) throws Exception {
    Properties ids = new Properties();
    try (Reader reader = Files.newBufferedReader(state.resolve("names.properties"))) {
      ids.load(reader);
    }
    String poolId = ids.getProperty("UserPool");
    String clientId = ids.getProperty("UserPoolClient");
    String email = "smoke@example.test";
    String password = "Smoke-Test-Passw0rd!";
    try (CognitoIdentityProviderClient cognito = AwsClients.cognito(cognitoEndpoint)) {
      String secret = cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)).userPoolClient().clientSecret();
      String hash = CognitoPool.secretHash(secret, email, clientId);
      cognito.signUp(r -> r.clientId(clientId).secretHash(hash).username(email).password(password)
          .userAttributes(a -> a.name("email").value(email)));
      cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(email));
      return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
          .authParameters(Map.of("USERNAME", email, "PASSWORD", password, "SECRET_HASH", hash)))
          .authenticationResult().idToken();
    }
  }

  private List<Path> pidFiles() throws IOException {
    Path pids = state.resolve("pids");
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.toList();
    }
  }

  private static long pid(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
