package nl.klantportaal.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Registered for every test (JUnit auto-detection): a test during which a Scan was issued fails. */
public final class NoScanExtension implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getTags().contains("scan-guard-self-test")) {
      return;
    }
    List<String> scans = ScanGuard.drain();
    if (!scans.isEmpty()) {
      throw new AssertionError("DynamoDB Scan issued on " + scans + "; use a keyed Query");
    }
  }
}
