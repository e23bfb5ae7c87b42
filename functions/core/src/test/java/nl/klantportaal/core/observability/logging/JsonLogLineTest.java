package nl.klantportaal.core.observability.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonLogLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneLineOfJsonWhateverTheMessageHolds() throws Exception {
    String line = new String(JsonLogLine.format(0L, Level.INFO, "ünïcode \"quoted\"\n\ttabbed", null, null),
        StandardCharsets.UTF_8);
    assertTrue(line.endsWith("}\n"));
    assertEquals(1, line.split("\n").length, line);
    JsonNode node = JSON.readTree(line);
    assertEquals("ünïcode \"quoted\"\n\ttabbed", node.get("message").asText());
    assertEquals("1970-01-01T00:00:00.000Z", node.get("timestamp").asText());
    assertTrue(node.get("function_name").isNull(), "outside an invocation, as the Powertools layout had it");
    assertFalse(node.has("error"));
  }

  @Test
  void aThrowableWithoutMessageAndTheOptionalNumbers() throws Exception {
    JsonNode node = JSON.readTree(JsonLogLine.format(1_700_000_000_123L, Level.ERROR, null, new NullPointerException(),
        Map.of("function_memory_size", "512", "sampling_rate", "0.5", "cold_start", "true", "zeta", "z", "alpha", "a")));
    assertTrue(node.get("message").isNull());
    assertTrue(node.get("error").get("message").isNull());
    assertEquals("java.lang.NullPointerException", node.get("error").get("name").asText());
    assertTrue(node.get("error").get("stack").asText().startsWith("java.lang.NullPointerException\n\tat "));
    assertTrue(node.get("cold_start").booleanValue());
    assertEquals(512, node.get("function_memory_size").intValue());
    assertEquals(0.5, node.get("sampling_rate").doubleValue());
    assertEquals("2023-11-14T22:13:20.123Z", node.get("timestamp").asText());
    var names = node.fieldNames();
    String last = null;
    String beforeLast = null;
    while (names.hasNext()) {
      beforeLast = last;
      last = names.next();
    }
    assertEquals("alpha", beforeLast, "other MDC keys in key order, after the Powertools fields");
    assertEquals("zeta", last);
  }

  @Test
  void aSamplingRateOfZeroIsLeftOut() throws Exception {
    JsonNode node = JSON.readTree(JsonLogLine.format(0L, Level.WARN, "m", null, Map.of("sampling_rate", "0.0")));
    assertFalse(node.has("sampling_rate"));
  }

  @Test
  void levelsAsPowertoolsReadsThem() {
    assertEquals(Level.DEBUG, LogLevels.parse("debug"));
    assertEquals(Level.ERROR, LogLevels.parse("FATAL"));
    assertEquals(Level.INFO, LogLevels.parse("verbose"));
    assertEquals(Level.INFO, LogLevels.parse(null));
    assertTrue(LogLevels.isOurs("nl.klantportaal"));
    assertTrue(LogLevels.isOurs("nl.klantportaal.core.api.Dispatcher"));
    assertFalse(LogLevels.isOurs("nl.klantportaalx.Other"));
    assertFalse(LogLevels.isOurs("software.amazon.awssdk.request"));
  }
}
