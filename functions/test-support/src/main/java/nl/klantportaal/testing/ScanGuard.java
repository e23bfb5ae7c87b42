package nl.klantportaal.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Installed into every SDK client of a test JVM through the SDK's global interceptor list
 * (software/amazon/awssdk/global/handlers/execution.interceptors): a DynamoDB Scan fails the call
 * at once and is recorded, and {@link NoScanExtension} fails the test that issued it.
 */
public final class ScanGuard implements ExecutionInterceptor {
  private static final List<String> SCANS = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof ScanRequest scan) {
      SCANS.add(scan.tableName());
      throw new IllegalStateException("DynamoDB Scan on " + scan.tableName()
          + ": request and scheduled paths must use keyed queries (docs/data-model.md)");
    }
  }

  public static List<String> drain() {
    List<String> seen = List.copyOf(SCANS);
    SCANS.clear();
    return seen;
  }
}
