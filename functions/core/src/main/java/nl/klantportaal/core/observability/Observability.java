package nl.klantportaal.core.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import org.slf4j.MDC;

/**
 * Powertools set up in its functional form (no AspectJ weaving): JSON logs with the function
 * context and a correlation id, EMF metrics flushed after every invocation. Namespace and service
 * come only from the environment (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME).
 */
public final class Observability {
  private static final Metrics METRICS = MetricsFactory.getMetricsInstance();
  private static final AtomicBoolean COLD = new AtomicBoolean(true);

  private Observability() {}

  public static <T> T apiInvocation(Context context, Object event, Supplier<T> work) {
    return invocation(context, CorrelationIdPaths.API_GATEWAY_HTTP, event, work);
  }

  public static <T> T invocation(Context context, String correlationIdPath, Object event, Supplier<T> work) {
    return PowertoolsLogging.withLogging(context, correlationIdPath, event, () -> {
      try {
        if (COLD.getAndSet(false)) {
          METRICS.captureColdStartMetric(context);
        }
        return work.get();
      } finally {
        METRICS.flush();
        MDC.remove("route");
        MDC.remove("user");
        MDC.remove("tenant");
      }
    });
  }

  /** A Cognito trigger or scheduled invocation: JSON logs and metrics, no correlation id path. */
  public static <T> T triggerInvocation(Context context, Supplier<T> work) {
    return PowertoolsLogging.withLogging(context, () -> {
      try {
        if (COLD.getAndSet(false)) {
          METRICS.captureColdStartMetric(context);
        }
        return work.get();
      } finally {
        METRICS.flush();
      }
    });
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
