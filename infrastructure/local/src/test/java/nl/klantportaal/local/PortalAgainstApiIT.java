package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal against the real API: {@code portal/e2e/smoke.mjs} drives the portal's own modules (the API
 * client with the real fetch, the page functions) against a local cloud of the real template.yaml with its
 * demo data, as the four demo roles (customer user, customer admin, provider agent, provider admin). The
 * users sign in here through the portal's routes with their TOTP codes ({@link SignIn#demoTokens}); the
 * script gets the gateway, the sign-in answers and the state folder (for a new sign-up's confirmation code,
 * standing in for the mailbox), opens each role's pages, raises, replies, uploads, triages, approves,
 * resolves, accepts, edits an SLA tier (and restores it), signs a newcomer up who enrols TOTP and is linked,
 * and fails on any problem box, refused request, unknown text or missing element. Its output is this test's
 * failure message.
 *
 * <p>node runs with stdin closed and its output in a file: never this JVM's stdin or stdout, which carry
 * Surefire's channel. Without node on the PATH the test is skipped (the local cloud needs it anyway).
 */
class PortalAgainstApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> USERS = List.of("jan@acme.example.test", "it@acme.example.test",
      "servicedesk@provider.example.test", "beheer@provider.example.test");
  private static final long TIMEOUT_SECONDS = 150;

  @TempDir
  static Path state;
  @TempDir
  static Path work;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    assumeTrue(nodeOnPath(), "node is not on the PATH: the portal e2e needs Node.js 20+");
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void everyRolesPagesAndActionsWorkAgainstTheRealApi() throws Exception {
    SignIn signIn = SignIn.of(cloud);
    ObjectNode sessions = JSON.createObjectNode();
    for (String email : USERS) {
      sessions.set(email, signIn.demoTokens(email));
    }
    Path sessionsFile = work.resolve("sessions.json");
    Files.writeString(sessionsFile, JSON.writeValueAsString(sessions));
    Path output = work.resolve("smoke.log");

    String log = NodeScript.run("portal/e2e/smoke.mjs", List.of("--gateway", cloud.endpoints().gateway().toString(),
        "--sessions", sessionsFile.toString(), "--state", cloud.state().root().toString()), output, TIMEOUT_SECONDS);
    assertTrue(log.contains("check again: linked"), "the newcomer's part ran too (sign-up code from the state):\n" + log);
    assertTrue(log.contains("her hour bundles") && log.contains("a customer's hour bundles and billing settings"),
        "the hour pages were visited too (demo bundles):\n" + log);
  }

  private static boolean nodeOnPath() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "node")));
  }
}
