package nl.klantportaal.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * {@link EmfMetrics} against Powertools' own EMF provider (the EMF library, here in its local environment,
 * which prints to standard out as in Lambda; surefire sets {@code AWS_EMF_ENVIRONMENT=Local}): the same calls
 * give the same lines, apart from the timestamp and the order of the metric definitions.
 */
class MetricsContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(Consumer<Metrics> calls, boolean ours) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try {
      System.setOut(out);
      Metrics metrics = ours ? new EmfMetrics(Map.<String, String>of()::get, () -> out)
          : new EmfMetricsProvider().getMetricsInstance();
      calls.accept(metrics);
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{\"_aws\"") || line.contains("\"CloudWatchMetrics\"")) {
        lines.add(withoutTimestamp(line));
      }
    }
    return lines;
  }

  private static JsonNode withoutTimestamp(String line) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(line);
      ((ObjectNode) node.get("_aws")).remove("Timestamp");
      // The EMF library keeps metric definitions in a hash map; their order means nothing to CloudWatch.
      for (JsonNode directive : node.get("_aws").get("CloudWatchMetrics")) {
        List<JsonNode> definitions = new ArrayList<>();
        directive.get("Metrics").forEach(definitions::add);
        definitions.sort(java.util.Comparator.comparing(definition -> definition.get("Name").asText()));
        ((ObjectNode) directive).putArray("Metrics").addAll(definitions);
      }
      return node;
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static void sameLines(Consumer<Metrics> calls) {
    List<JsonNode> theirs = lines(calls, false);
    assertTrue(!theirs.isEmpty(), "Powertools' EMF provider wrote nothing");
    assertEquals(theirs, lines(calls, true));
  }

  @Test
  void writesCountsWithTheServiceDimension() {
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "tickets"));
      metrics.addMetric("TicketCreated", 1, MetricUnit.COUNT);
      metrics.flush();
    });
  }

  @Test
  void writesRepeatedValuesUnitsResolutionsAndMetadata() {
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "sla"));
      metrics.addMetric("DueEventFired", 1, MetricUnit.COUNT);
      metrics.addMetric("DueEventFired", 3, MetricUnit.COUNT);
      metrics.addMetric("ScanLatency", 12.5, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
      metrics.addMetric("Attachment", 2048, MetricUnit.BYTES);
      metrics.addMetadata("function_request_id", "req-1");
      metrics.flush();
    });
  }

  @Test
  void writesNothingForAnInvocationWithoutMetrics() {
    Consumer<Metrics> calls = metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "tickets"));
      metrics.addMetadata("function_request_id", "req-2");
      metrics.flush();
    };
    assertEquals(List.of(), lines(calls, false));
    assertEquals(List.of(), lines(calls, true));
  }

  @Test
  void writesAnExtraDimensionSet() {
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "billing"));
      metrics.addDimension(DimensionSet.of("Kind", "invoice"));
      metrics.addMetric("Drafted", 2, MetricUnit.COUNT);
      metrics.flush();
    });
  }

  @Test
  void writesMoreThanAHundredMetricsOverSeveralLines() {
    Consumer<Metrics> calls = metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "reports"));
      for (int i = 0; i < 130; i++) {
        metrics.addMetric("M" + i, i, MetricUnit.COUNT);
      }
      metrics.flush();
    };
    // Which metrics share a line follows the EMF library's hash order; the lines' sizes and their union do not.
    List<JsonNode> theirs = lines(calls, false);
    List<JsonNode> ours = lines(calls, true);
    assertEquals(sizes(theirs), sizes(ours));
    assertEquals(union(theirs), union(ours));
  }

  private static List<Integer> sizes(List<JsonNode> lines) {
    return lines.stream().map(line -> line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").size()).toList();
  }

  private static Map<String, JsonNode> union(List<JsonNode> lines) {
    Map<String, JsonNode> fields = new java.util.TreeMap<>();
    lines.forEach(line -> line.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("_aws")) {
        fields.put(field.getKey(), field.getValue());
      }
    }));
    return fields;
  }

  @Test
  void writesASingleMetricAndAnIsolatedSet() {
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.flushSingleMetric("Once", 1, MetricUnit.COUNT, "Other", DimensionSet.of("Service", "x"));
    });
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.setDefaultDimensions(DimensionSet.of("Service", "x"));
      metrics.flushMetrics(isolated -> isolated.addMetric("Isolated", 4, MetricUnit.COUNT));
    });
  }

  @Test
  void writesTheColdStartOnItsOwnLine() throws ReflectiveOperationException {
    // Powertools counts a cold start until its logging has handled a first invocation; other tests in this JVM have.
    var coldStart = software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor.class
        .getDeclaredField("isColdStart");
    coldStart.setAccessible(true);
    coldStart.set(null, null);
    sameLines(metrics -> {
      metrics.setNamespace("Klantportaal");
      metrics.captureColdStartMetric(DimensionSet.of("Service", "tickets", "FunctionName", "f"));
    });
  }

  @Test
  void refusesWhatPowertoolsRefuses() {
    for (boolean ours : List.of(false, true)) {
      assertThrows(IllegalArgumentException.class, () -> lines(metrics -> metrics.setNamespace("bad namespace!"), ours));
      assertThrows(IllegalArgumentException.class, () -> lines(metrics -> {
        metrics.addMetric("X", 1, MetricUnit.COUNT);
        metrics.flush();
      }, ours));
      assertThrows(IllegalStateException.class, () -> lines(metrics -> {
        metrics.setNamespace("Klantportaal");
        metrics.setRaiseOnEmptyMetrics(true);
        metrics.flush();
      }, ours));
      assertThrows(IllegalArgumentException.class,
          () -> lines(metrics -> metrics.setTimestamp(Instant.now().plusSeconds(3 * 3600)), ours));
    }
  }
}
