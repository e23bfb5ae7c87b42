package nl.klantportaal.core.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import org.slf4j.MDC;

/**
 * Powertools set up in its functional form (no AspectJ weaving): JSON logs with the function
 * context (core's SLF4J provider, {@code observability.logging}) and a correlation id, EMF metrics
 * flushed after every invocation. Namespace and service come only from the environment
 * (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME).
 */
public final class Observability {
  /** The log field Powertools' correlation-id lookup filled; here it is set from the event directly. */
  static final String CORRELATION_ID = "correlation_id";

  private static final Metrics METRICS = metrics();
  private static final AtomicBoolean COLD = new AtomicBoolean(true);

  private Observability() {}

  /** Powertools' request-scoped metrics, written by {@link EmfMetrics} instead of the EMF library. */
  private static Metrics metrics() {
    MetricsFactory.setMetricsProvider(EmfMetrics.PROVIDER);
    return MetricsFactory.getMetricsInstance();
  }

  /**
   * An HTTP API invocation: its correlation id is API Gateway's request id
   * ({@code requestContext.requestId}), read from the event as it is (no JMESPath expression over the
   * event turned into a tree); the request's MDC keys (route, user, tenant) end with it.
   */
  public static <T> T apiInvocation(Context context, APIGatewayV2HTTPEvent event, Supplier<T> work) {
    String correlationId = event == null || event.getRequestContext() == null
        ? null : event.getRequestContext().getRequestId();
    return PowertoolsLogging.withLogging(context, () -> {
      if (correlationId != null && !correlationId.isEmpty()) {
        MDC.put(CORRELATION_ID, correlationId);
      }
      try {
        return measured(context, work);
      } finally {
        MDC.remove("route");
        MDC.remove("user");
        MDC.remove("tenant");
      }
    });
  }

  /** A Cognito trigger, stream or scheduled invocation: JSON logs and metrics, no correlation id. */
  public static <T> T triggerInvocation(Context context, Supplier<T> work) {
    return PowertoolsLogging.withLogging(context, () -> measured(context, work));
  }

  private static <T> T measured(Context context, Supplier<T> work) {
    try {
      if (COLD.getAndSet(false)) {
        METRICS.captureColdStartMetric(context);
      }
      return work.get();
    } finally {
      METRICS.flush();
    }
  }

  /** A business counter, e.g. {@code CustomerCreated}; dimensions stay low-cardinality (never ids). */
  public static void count(String metric) {
    METRICS.addMetric(metric, 1, MetricUnit.COUNT);
  }

  /** A business counter raised by {@code n} at once; nothing is emitted for zero. */
  public static void count(String metric, int n) {
    if (n > 0) {
      METRICS.addMetric(metric, n, MetricUnit.COUNT);
    }
  }
}
