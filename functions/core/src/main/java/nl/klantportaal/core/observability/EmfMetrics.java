package nl.klantportaal.core.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.MetricsProvider;

/**
 * Powertools' {@link Metrics} written as CloudWatch embedded metric format lines on jackson-core's generator,
 * plugged in through Powertools' own {@link MetricsProvider} (its request-scoped proxy, namespace and
 * service dimension stay Powertools'). It writes what Powertools' EMF provider writes (MetricsContractTest
 * holds the two side by side) without the EMF library, whose object mapper loaded Jackson databind on every
 * function's first invocation (README, "Functions against floors").
 */
public final class EmfMetrics implements Metrics {
  /** Powertools' provider for these metrics: {@code MetricsFactory.setMetricsProvider(EmfMetrics.PROVIDER)}. */
  public static final MetricsProvider PROVIDER = () -> new EmfMetrics(System.getenv()::get, () -> System.out);

  private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern NAMESPACE = Pattern.compile("^[a-zA-Z0-9._#:/-]+$");
  private static final int MAX_METRICS_PER_LINE = 100;
  private static final long MAX_PAST_SECONDS = 14 * 24 * 3600;
  private static final long MAX_FUTURE_SECONDS = 2 * 3600;

  private record Metric(String name, MetricUnit unit, MetricResolution resolution, List<Double> values) {}

  private final Function<String, String> env;
  private final Supplier<PrintStream> out;
  private final Map<String, Metric> metrics = new LinkedHashMap<>();
  private final List<Map<String, String>> dimensionSets = new ArrayList<>();
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private Map<String, String> defaultDimensions = new LinkedHashMap<>();
  private Map<String, String> reportedDimensions = new LinkedHashMap<>();
  private Optional<String> namespace = Optional.empty();
  private Optional<Instant> timestamp = Optional.empty();
  private boolean raiseOnEmptyMetrics;

  EmfMetrics(Function<String, String> env, Supplier<PrintStream> out) {
    this.env = env;
    this.out = out;
  }

  @Override
  public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw new IllegalArgumentException("Metric name must be 1 to 255 characters: " + key);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Metric value must be a finite number: " + value);
    }
    metrics.computeIfAbsent(key, name -> new Metric(name, unit, resolution, new ArrayList<>())).values().add(value);
  }

  @Override
  public synchronized void addDimension(DimensionSet dimensionSet) {
    if (dimensionSet == null) {
      throw new IllegalArgumentException("DimensionSet cannot be null");
    }
    dimensionSets.add(new LinkedHashMap<>(dimensionSet.getDimensions()));
    // As in Powertools' provider: the set is written on its own, and reported among the defaults.
    reportedDimensions.putAll(dimensionSet.getDimensions());
  }

  @Override
  public synchronized void setTimestamp(Instant timestamp) {
    if (timestamp == null) {
      throw new IllegalArgumentException("Timestamp cannot be null");
    }
    Instant now = Instant.now();
    if (timestamp.isAfter(now.plusSeconds(MAX_FUTURE_SECONDS))) {
      throw new IllegalArgumentException("Timestamp cannot be more than " + MAX_FUTURE_SECONDS + " seconds in the future");
    }
    if (timestamp.isBefore(now.minusSeconds(MAX_PAST_SECONDS))) {
      throw new IllegalArgumentException("Timestamp cannot be more than " + MAX_PAST_SECONDS + " seconds in the past");
    }
    this.timestamp = Optional.of(timestamp);
  }

  @Override
  public synchronized void addMetadata(String key, Object value) {
    metadata.put(key, value);
  }

  @Override
  public synchronized void setDefaultDimensions(DimensionSet dimensionSet) {
    if (dimensionSet == null) {
      throw new IllegalArgumentException("DimensionSet cannot be null");
    }
    defaultDimensions = new LinkedHashMap<>(dimensionSet.getDimensions());
    reportedDimensions = new LinkedHashMap<>(dimensionSet.getDimensions());
  }

  @Override
  public synchronized DimensionSet getDefaultDimensions() {
    return DimensionSet.of(reportedDimensions);
  }

  @Override
  public synchronized void setNamespace(String namespace) {
    validate(namespace);
    this.namespace = Optional.of(namespace);
  }

  @Override
  public synchronized void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
    this.raiseOnEmptyMetrics = raiseOnEmptyMetrics;
  }

  @Override
  public synchronized void clearDefaultDimensions() {
    defaultDimensions.clear();
    reportedDimensions.clear();
  }

  @Override
  public synchronized void flush() {
    if (disabled()) {
      return;
    }
    String space = validate(namespace.orElse(null));
    if (metrics.isEmpty()) {
      if (raiseOnEmptyMetrics) {
        throw new IllegalStateException("No metrics were emitted");
      }
      // As the EMF library: nothing is written for an invocation without metrics.
      LOG.warn("No metrics were emitted");
      metadata.clear();
      dimensionSets.clear();
      timestamp = Optional.empty();
      return;
    }
    List<Map<String, String>> dimensions = new ArrayList<>();
    if (!defaultDimensions.isEmpty()) {
      dimensions.add(defaultDimensions);
    }
    dimensions.addAll(dimensionSets);
    List<Metric> all = new ArrayList<>(metrics.values());
    for (int from = 0; from < all.size(); from += MAX_METRICS_PER_LINE) {
      write(space, dimensions, all.subList(from, Math.min(all.size(), from + MAX_METRICS_PER_LINE)), metadata);
    }
    metrics.clear();
    dimensionSets.clear();
    metadata.clear();
    timestamp = Optional.empty();
  }

  @Override
  public void captureColdStartMetric(Context context, DimensionSet dimensions) {
    if (!LambdaHandlerProcessor.isColdStart() || disabled()) {
      return;
    }
    EmfMetrics coldStart = new EmfMetrics(env, out);
    coldStart.setNamespace(validate(namespace.orElse(null)));
    coldStart.addMetric("ColdStart", 1, MetricUnit.COUNT, MetricResolution.STANDARD);
    if (dimensions != null) {
      coldStart.setDefaultDimensions(dimensions);
    }
    if (context != null) {
      coldStart.addMetadata("function_request_id", context.getAwsRequestId());
    }
    traceId().ifPresent(id -> coldStart.addMetadata("xray_trace_id", id));
    coldStart.flush();
  }

  @Override
  public void captureColdStartMetric(DimensionSet dimensions) {
    captureColdStartMetric(null, dimensions);
  }

  @Override
  public void flushMetrics(Consumer<Metrics> metricsConsumer) {
    EmfMetrics isolated = new EmfMetrics(env, out);
    namespace.ifPresent(isolated::setNamespace);
    isolated.setDefaultDimensions(getDefaultDimensions());
    isolated.setRaiseOnEmptyMetrics(raiseOnEmptyMetrics);
    metricsConsumer.accept(isolated);
    isolated.flush();
  }

  @Override
  public void flushSingleMetric(String name, double value, MetricUnit unit, String namespace, DimensionSet dimensions) {
    if (disabled()) {
      return;
    }
    EmfMetrics single = new EmfMetrics(env, out);
    single.setNamespace(namespace);
    single.addMetric(name, value, unit, MetricResolution.STANDARD);
    if (dimensions != null) {
      single.setDefaultDimensions(dimensions);
    }
    single.flush();
  }

  private void write(String space, List<Map<String, String>> dimensions, List<Metric> chunk, Map<String, Object> properties) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeObjectFieldStart("_aws");
      json.writeNumberField("Timestamp", timestamp.orElseGet(Instant::now).toEpochMilli());
      json.writeArrayFieldStart("CloudWatchMetrics");
      json.writeStartObject();
      json.writeStringField("Namespace", space);
      json.writeArrayFieldStart("Metrics");
      for (Metric metric : chunk) {
        json.writeStartObject();
        json.writeStringField("Name", metric.name());
        json.writeStringField("Unit", metric.unit().getName());
        if (metric.resolution() == MetricResolution.HIGH) {
          json.writeNumberField("StorageResolution", 1);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("Dimensions");
      for (Map<String, String> set : dimensions) {
        json.writeStartArray();
        for (String name : set.keySet()) {
          json.writeString(name);
        }
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      Map<String, Object> fields = new LinkedHashMap<>(environment());
      fields.putAll(properties);
      dimensions.forEach(fields::putAll);
      for (Metric metric : chunk) {
        fields.put(metric.name(), metric.values().size() == 1 ? metric.values().get(0) : metric.values());
      }
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        json.writeFieldName(field.getKey());
        writeValue(json, field.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.get().println(line);
  }

  /** Texts, numbers, yes/no and lists of them as JSON; other metadata as its text (the functions add only texts). */
  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Double number -> json.writeNumber(number);
      case Integer number -> json.writeNumber(number);
      case Long number -> json.writeNumber(number);
      case Number number -> json.writeNumber(number.toString());
      case Boolean bool -> json.writeBoolean(bool);
      case List<?> items -> {
        json.writeStartArray();
        for (Object item : items) {
          writeValue(json, item);
        }
        json.writeEndArray();
      }
      default -> json.writeString(value.toString());
    }
  }

  /** What the EMF library adds to every line in Lambda: the runtime, the version and the log stream. */
  private Map<String, String> environment() {
    Map<String, String> fields = new LinkedHashMap<>();
    putIfSet(fields, "executionEnvironment", "AWS_EXECUTION_ENV");
    putIfSet(fields, "functionVersion", "AWS_LAMBDA_FUNCTION_VERSION");
    putIfSet(fields, "logStreamId", "AWS_LAMBDA_LOG_STREAM_NAME");
    traceId().ifPresent(id -> fields.put("traceId", id));
    return fields;
  }

  private void putIfSet(Map<String, String> fields, String field, String variable) {
    String value = env.apply(variable);
    if (value != null && !value.isEmpty()) {
      fields.put(field, value);
    }
  }

  /** The X-Ray trace id of a sampled request, as Powertools and the EMF library read it. */
  private Optional<String> traceId() {
    String header = Optional.ofNullable(System.getProperty("com.amazonaws.xray.traceHeader"))
        .orElseGet(() -> env.apply("_X_AMZN_TRACE_ID"));
    if (header == null || !header.contains("Sampled=1")) {
      return Optional.empty();
    }
    for (String part : header.split(";")) {
      if (part.startsWith("Root=")) {
        return Optional.of(part.substring("Root=".length()));
      }
    }
    return Optional.empty();
  }

  private boolean disabled() {
    return "true".equalsIgnoreCase(env.apply("POWERTOOLS_METRICS_DISABLED"));
  }

  private static String validate(String namespace) {
    if (namespace == null || namespace.trim().isEmpty()) {
      throw new IllegalArgumentException("Namespace must be specified before flushing metrics");
    }
    if (namespace.length() > 255) {
      throw new IllegalArgumentException("Namespace exceeds maximum length of 255: " + namespace);
    }
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("Namespace contains invalid characters: " + namespace);
    }
    return namespace;
  }
}
