package nl.klantportaal.core.observability.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.event.Level;

/**
 * One log event as one line of JSON, in the shape of Powertools' LambdaJsonLayout (which the log4j
 * set-up used), field for field and in its order:
 *
 * <pre>
 * level, message, error {message, name, stack} (with a throwable), cold_start (boolean),
 * function_arn, function_memory_size (number), function_name, function_request_id, function_version,
 * sampling_rate (number, only above 0), service, timestamp (UTC, milliseconds), xray_trace_id,
 * correlation_id, then every other MDC key (route, user, tenant) in key order
 * </pre>
 *
 * <p>The Lambda context fields come from the MDC, where Powertools logging puts them for the length of
 * an invocation; outside one, function_arn, function_name, function_request_id, function_version and
 * service are null and the others absent, as they were.
 */
final class JsonLogLine {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> POWERTOOLS_FIELDS = Set.of("function_name", "function_version", "function_arn",
      "function_memory_size", "function_request_id", "cold_start", "xray_trace_id", "sampling_rate",
      "correlation_id", "service");

  private JsonLogLine() {}

  static byte[] format(long epochMillis, Level level, String message, Throwable thrown, Map<String, String> mdc) {
    Map<String, String> context = mdc == null ? Map.of() : mdc;
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("level", level.name());
      json.writeStringField("message", message);
      if (thrown != null) {
        json.writeObjectFieldStart("error");
        json.writeStringField("message", thrown.getMessage());
        json.writeStringField("name", thrown.getClass().getName());
        json.writeStringField("stack", stackTrace(thrown));
        json.writeEndObject();
      }
      String coldStart = context.get("cold_start");
      if (coldStart != null) {
        json.writeBooleanField("cold_start", Boolean.parseBoolean(coldStart));
      }
      json.writeStringField("function_arn", context.get("function_arn"));
      writeNumber(json, "function_memory_size", context.get("function_memory_size"));
      json.writeStringField("function_name", context.get("function_name"));
      json.writeStringField("function_request_id", context.get("function_request_id"));
      json.writeStringField("function_version", context.get("function_version"));
      writeSamplingRate(json, context.get("sampling_rate"));
      json.writeStringField("service", context.get("service"));
      json.writeStringField("timestamp", timestamp(epochMillis));
      writeIfPresent(json, "xray_trace_id", context.get("xray_trace_id"));
      writeIfPresent(json, "correlation_id", context.get("correlation_id"));
      if (!context.isEmpty()) {
        for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
          if (!POWERTOOLS_FIELDS.contains(entry.getKey())) {
            json.writeStringField(entry.getKey(), entry.getValue());
          }
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line.write('\n');
    return line.toByteArray();
  }

  /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
  static String timestamp(long epochMillis) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(24);
    pad(text, t.getYear(), 4).append('-');
    pad(text, t.getMonthValue(), 2).append('-');
    pad(text, t.getDayOfMonth(), 2).append('T');
    pad(text, t.getHour(), 2).append(':');
    pad(text, t.getMinute(), 2).append(':');
    pad(text, t.getSecond(), 2).append('.');
    return pad(text, t.getNano() / 1_000_000, 3).append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(digits);
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter text = new StringWriter(1024);
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static void writeNumber(JsonGenerator json, String field, String value) throws IOException {
    if (value == null) {
      return;
    }
    try {
      json.writeNumberField(field, Integer.parseInt(value));
    } catch (NumberFormatException notANumber) {
      json.writeStringField(field, value);
    }
  }

  private static void writeSamplingRate(JsonGenerator json, String value) throws IOException {
    if (value == null) {
      return;
    }
    try {
      float rate = Float.parseFloat(value);
      if (rate > 0f) {
        json.writeNumberField("sampling_rate", rate);
      }
    } catch (NumberFormatException notANumber) {
      // Powertools' layout left an unreadable rate out as well.
    }
  }
}
