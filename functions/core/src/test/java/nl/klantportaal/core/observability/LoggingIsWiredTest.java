package nl.klantportaal.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.klantportaal.core.observability.logging.JsonLoggerFactory;
import nl.klantportaal.core.observability.logging.LogLevels;
import nl.klantportaal.core.observability.logging.PowertoolsLogLevels;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.internal.LoggingManagerRegistry;

/**
 * SLF4J reaches core's JSON logging (a NOP binding would drop every line), Powertools sets its level
 * through it, and an invocation's events come out as one JSON line each with the Lambda context, the
 * correlation id and our MDC keys, in the shape the log4j layout had (parsed from captured stdout).
 * Surefire runs with POWERTOOLS_LOG_LEVEL=WARN and POWERTOOLS_SERVICE_NAME=klantportaal-test.
 */
class LoggingIsWiredTest {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingIsWiredTest.class);
  private static final Logger SDK_LOG = LoggerFactory.getLogger("software.amazon.awssdk.request");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACE_HEADER = "com.amazonaws.xray.traceHeader";

  @Test
  void slf4jAndPowertoolsAreBoundToTheJsonLogging() {
    assertInstanceOf(JsonLoggerFactory.class, LoggerFactory.getILoggerFactory());
    assertInstanceOf(PowertoolsLogLevels.class, LoggingManagerRegistry.getLoggingManager());
  }

  @Test
  void anApiInvocationLogsOneJsonLinePerEventWithTheLambdaContextAndOurKeys() throws Exception {
    System.setProperty(TRACE_HEADER, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    List<JsonNode> lines;
    try {
      lines = captured(() -> Observability.apiInvocation(context(), event("api-request-7"), () -> {
        MDC.put("route", "GET /tickets");
        MDC.put("user", "user-1");
        MDC.put("tenant", "tenant-9");
        LOG.info("below the level: not written");
        LOG.warn("ticket {} \"slow\"\nsecond line", "T-1");
        LOG.error("Request failed unexpectedly", new IllegalStateException("boom", new RuntimeException("root cause")));
        return null;
      }));
    } finally {
      System.clearProperty(TRACE_HEADER);
    }

    // Powertools metrics adds its own lines (the EMF cold-start blob, "No metrics were emitted").
    List<JsonNode> ours = lines.stream().filter(line -> line.has("level"))
        .filter(line -> !line.get("message").asText().startsWith("No metrics")).toList();
    assertEquals(2, ours.size(), "one line per event at or above WARN: " + lines);
    JsonNode warn = ours.get(0);
    assertEquals(List.of("level", "message", "cold_start", "function_arn", "function_memory_size", "function_name",
        "function_request_id", "function_version", "service", "timestamp", "xray_trace_id", "correlation_id",
        "route", "tenant", "user"), fieldNames(warn));
    assertEquals("WARN", warn.get("level").asText());
    assertEquals("ticket T-1 \"slow\"\nsecond line", warn.get("message").asText());
    assertTrue(warn.get("cold_start").isBoolean());
    assertEquals("arn:aws:lambda:eu-west-1:000000000000:function:tickets", warn.get("function_arn").asText());
    assertTrue(warn.get("function_memory_size").isInt());
    assertEquals(1024, warn.get("function_memory_size").asInt());
    assertEquals("tickets", warn.get("function_name").asText());
    assertEquals("lambda-request-3", warn.get("function_request_id").asText());
    assertEquals("$LATEST", warn.get("function_version").asText());
    assertEquals("klantportaal-test", warn.get("service").asText());
    assertTrue(warn.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertTrue(Math.abs(Instant.parse(warn.get("timestamp").asText()).toEpochMilli() - System.currentTimeMillis()) < 60_000);
    assertEquals("1-5759e988-bd862e3fe1be46a994272793", warn.get("xray_trace_id").asText());
    assertEquals("api-request-7", warn.get("correlation_id").asText());
    assertEquals("GET /tickets", warn.get("route").asText());
    assertEquals("user-1", warn.get("user").asText());
    assertEquals("tenant-9", warn.get("tenant").asText());

    JsonNode error = ours.get(1);
    assertEquals("ERROR", error.get("level").asText());
    assertEquals("Request failed unexpectedly", error.get("message").asText());
    assertEquals(List.of("level", "message", "error", "cold_start"), fieldNames(error).subList(0, 4));
    assertEquals(List.of("message", "name", "stack"), fieldNames(error.get("error")));
    assertEquals("boom", error.get("error").get("message").asText());
    assertEquals("java.lang.IllegalStateException", error.get("error").get("name").asText());
    String stack = error.get("error").get("stack").asText();
    assertTrue(stack.startsWith("java.lang.IllegalStateException: boom\n\tat "), stack);
    assertTrue(stack.contains("Caused by: java.lang.RuntimeException: root cause"), stack);
    assertEquals("api-request-7", error.get("correlation_id").asText());
  }

  @Test
  void theCorrelationIdIsReadFromTheEventWithoutJmesPath() throws Exception {
    // Powertools' JMESPath lookup (powertools-serialization, JMESPath, Jackson's Joda module) is excluded.
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.burt.jmespath.JmesPath"));
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("software.amazon.lambda.powertools.utilities.JsonConfig"));

    List<JsonNode> lines = captured(() -> Observability.apiInvocation(context(), new APIGatewayV2HTTPEvent(), () -> {
      LOG.warn("an event without a request context");
      return null;
    }));
    JsonNode line = lines.stream().filter(l -> l.has("level")).findFirst().orElseThrow();
    assertEquals("an event without a request context", line.get("message").asText());
    assertFalse(line.has("correlation_id"));
  }

  @Test
  void aTriggerInvocationHasNoCorrelationIdAndNothingOutlivesAnInvocation() throws Exception {
    List<JsonNode> lines = captured(() -> {
      Observability.triggerInvocation(context(), () -> {
        LOG.warn("scheduled run");
        return null;
      });
      LOG.warn("between invocations");
      return null;
    });
    JsonNode trigger = lines.stream().filter(line -> line.get("message").asText().equals("scheduled run")).findFirst().orElseThrow();
    assertEquals("tickets", trigger.get("function_name").asText());
    assertFalse(trigger.has("correlation_id"));
    assertFalse(trigger.has("route"));

    JsonNode after = lines.get(lines.size() - 1);
    assertEquals("between invocations", after.get("message").asText());
    assertTrue(after.get("function_name").isNull(), "the Lambda context is cleared after the invocation");
    assertTrue(after.get("service").isNull());
    assertFalse(after.has("cold_start"));
    assertFalse(after.has("correlation_id"));
  }

  @Test
  void powertoolsSetsTheLevelOfEveryLogger() throws Exception {
    assertEquals(Level.WARN, LogLevels.of(LOG.getName()), "POWERTOOLS_LOG_LEVEL of the test run");
    assertFalse(SDK_LOG.isInfoEnabled());
    try {
      LoggingManagerRegistry.getLoggingManager().setLogLevel(Level.DEBUG);
      assertEquals(Level.DEBUG, LoggingManagerRegistry.getLoggingManager().getLogLevel(SDK_LOG));
      List<JsonNode> lines = captured(() -> {
        LOG.debug("ours at debug");
        SDK_LOG.debug("the SDK's at debug");
        SDK_LOG.trace("below debug");
        return null;
      });
      assertEquals(List.of("ours at debug", "the SDK's at debug"),
          lines.stream().map(line -> line.get("message").asText()).toList());
      assertEquals("DEBUG", lines.get(0).get("level").asText());
    } finally {
      LoggingManagerRegistry.getLoggingManager().setLogLevel(Level.WARN);
    }
    assertFalse(LOG.isInfoEnabled());
  }

  /** The JSON lines {@code work} writes to stdout; every line must parse on its own. */
  private static List<JsonNode> captured(Supplier<?> work) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      work.get();
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static APIGatewayV2HTTPEvent event(String requestId) {
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("GET /tickets")
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(requestId).build())
        .build();
  }

  private static Context context() {
    return new Context() {
      @Override public String getAwsRequestId() { return "lambda-request-3"; }
      @Override public String getLogGroupName() { return "/klantportaal/test/tickets"; }
      @Override public String getLogStreamName() { return "test"; }
      @Override public String getFunctionName() { return "tickets"; }
      @Override public String getFunctionVersion() { return "$LATEST"; }
      @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:tickets"; }
      @Override public CognitoIdentity getIdentity() { return null; }
      @Override public ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return 10_000; }
      @Override public int getMemoryLimitInMB() { return 1024; }
      @Override public LambdaLogger getLogger() { return null; }
    };
  }
}
