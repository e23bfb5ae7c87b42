package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on in a real browser: {@code portal/e2e/sso-browser.mjs} drives Debian's chromium against a local cloud of
 * the real template.yaml started with {@code --sso} (entra-local playing Entra ID): the button, Entra's page, back with
 * the code removed from the address bar, the waiting page, a reload, and a sign-in without a second factor that shows the
 * MFA page instead of TOTP enrolment. As BrowserIT, it never skips: without chromium or the npm driver it fails.
 */
class SsoBrowserIT {
  @RegisterExtension
  static final DemoCloud CLOUD = new DemoCloud(options -> options.withSso(true));

  @TempDir
  static Path work;

  @Test
  void aUserSignsInWithMicrosoftInChromium() throws Exception {
    Path root = SamTemplate.projectRoot();
    String chromium = System.getenv().getOrDefault("KP_CHROMIUM", "/usr/bin/chromium");
    if (!Files.isExecutable(Path.of(chromium))) {
      fail("chromium is not installed (apt-get install -y chromium, or set KP_CHROMIUM)");
    }
    if (!Files.isDirectory(root.resolve("portal/e2e/node_modules/puppeteer-core"))) {
      fail("puppeteer-core is not installed in portal/e2e: `./klantportaal test` installs it (scripts/browser-tests.sh)");
    }
    Path screenshots = root.resolve("infrastructure/local/target/browser-screenshots");
    Files.createDirectories(screenshots);
    String log = NodeScript.run("portal/e2e/sso-browser.mjs", List.of("--gateway", CLOUD.cloud().endpoints().gateway().toString(),
        "--chromium", chromium, "--screenshots", screenshots.toString()), work.resolve("sso-browser.log"), 240);
    System.out.println("SsoBrowserIT: portal/e2e/sso-browser.mjs\n" + log);
    for (String step : new String[] {"signs in with Microsoft", "keeps the session over a reload",
        "signed in again without a second factor", "no console error"}) {
      assertTrue(log.contains("ok   sso: " + step), "the step \"" + step + "\" ran and passed:\n" + log);
    }
  }
}
