package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal in a real browser: {@code portal/e2e/browser.mjs} drives Debian's chromium (headless, with puppeteer-core)
 * against a local cloud of the real template.yaml with its demo data, the site served as the local cloud serves it
 * (the gateway's StaticSite: portal/ and the API on one origin). The journeys: a newcomer's sign-up with the e-mailed
 * code (read from the cloud's state folder), TOTP enrolment with a code computed from the key the page shows, the
 * wait, the link by the provider admin and her first ticket with a file chosen on the new-ticket form, and a second added on the ticket; the customer admin's organisation and
 * an approval; the agent triaging, replying, logging time and resolving; the newcomer accepting; and keyboard only, a
 * customer user signing in, raising a ticket, replying and accepting a solution. On every page: no serious or critical axe-core violation,
 * no horizontal overflow at 375 px, no console error; those checks first find a planted problem of each kind (their
 * failure twin). The screenshots stay in target/browser-screenshots and are
 * listed in the test's output; the script's output is the failure message.
 *
 * <p>It never skips: without node, chromium or the npm driver (scripts/browser-tests.sh installs the last two from
 * {@code ./klantportaal test}) it fails and says what is missing. node runs with stdin closed and its output in a
 * file, never this JVM's stdin or stdout, which carry Surefire's channel.
 */
class BrowserIT {
  private static final long TIMEOUT_SECONDS = 420;

  @TempDir
  static Path state;
  @TempDir
  static Path work;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    Path root = SamTemplate.projectRoot();
    if (onPath("node").isEmpty()) {
      fail("node is not on the PATH: the browser tests run portal/e2e/browser.mjs with Node.js 20+.");
    }
    if (chromium().isEmpty()) {
      fail("chromium is not installed: the browser tests need Debian's chromium. `./klantportaal test` installs it as root "
          + "with apt-get (scripts/browser-tests.sh); otherwise `apt-get install -y chromium`, or set KP_CHROMIUM.");
    }
    if (!Files.isDirectory(root.resolve("portal/e2e/node_modules/puppeteer-core"))
        || !Files.isDirectory(root.resolve("portal/e2e/node_modules/axe-core"))) {
      fail("puppeteer-core and axe-core are not installed in portal/e2e: `./klantportaal test` installs them "
          + "(scripts/browser-tests.sh: npm ci in portal/e2e).");
    }
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
  void theJourneysWorkInChromiumAccessiblyAtEveryWidthWithoutConsoleErrors() throws Exception {
    Path root = SamTemplate.projectRoot();
    Path screenshots = root.resolve("infrastructure/local/target/browser-screenshots");
    clear(screenshots);
    Path output = work.resolve("browser.log");
    String log = NodeScript.run("portal/e2e/browser.mjs", List.of("--gateway", cloud.endpoints().gateway().toString(),
        "--state", cloud.state().root().toString(), "--screenshots", screenshots.toString(), "--chromium",
        chromium().orElseThrow().toString()), output, TIMEOUT_SECONDS);
    System.out.println("BrowserIT: portal/e2e/browser.mjs\n" + log);
    for (String journey : new String[] {"checks: the checks find a planted", "eva: raises her first ticket with a screenshot chosen on the form, then attaches a second file",
        "ilse: approves a service request",
        "sem: logs time", "sem: resolves", "eva: accepts the solution", "jan-keyboard: replies with the keyboard only",
        "jan-keyboard: accepts a solution with the keyboard only"}) {
      assertTrue(log.contains("ok   " + journey), "the journey step \"" + journey + "\" ran and passed:\n" + log);
    }
    try (Stream<Path> files = Files.list(screenshots)) {
      assertTrue(files.filter(f -> f.toString().endsWith("-375.png")).count() >= 20,
          "a screenshot at 375 px of every page visited in " + screenshots);
    }
  }

  private static Optional<Path> chromium() {
    String given = System.getenv("KP_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given)).filter(Files::isExecutable);
    }
    return onPath("chromium").or(() -> onPath("chromium-browser"));
  }

  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static void clear(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(BrowserIT::delete);
      }
    }
    Files.createDirectories(folder);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + path, e);
    }
  }
}
