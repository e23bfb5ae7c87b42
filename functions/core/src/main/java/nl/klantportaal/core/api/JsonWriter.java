package nl.klantportaal.core.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes answers as JSON on jackson-core's generator, in the shape Jackson's databind wrote them with the
 * settings {@link Json} had: a record is an object of its components in declaration order, absent values
 * (null, {@code Optional.empty()}) are left out of records and maps, dates are ISO-8601 text, a
 * {@code Duration} is its seconds as a decimal number, an enum is its name. Anything else is a programming
 * error and refused, so no answer is written in a shape nobody chose.
 */
final class JsonWriter {
  private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

  private JsonWriter() {}

  static void write(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text -> json.writeString(text);
      case Boolean bool -> json.writeBoolean(bool);
      case Integer number -> json.writeNumber(number);
      case Long number -> json.writeNumber(number);
      case Short number -> json.writeNumber(number);
      case Byte number -> json.writeNumber(number);
      case Double number -> json.writeNumber(number);
      case Float number -> json.writeNumber(number);
      case BigDecimal number -> json.writeNumber(number);
      case BigInteger number -> json.writeNumber(number);
      case Character letter -> json.writeString(letter.toString());
      case Enum<?> constant -> json.writeString(constant.name());
      case Optional<?> optional -> write(json, optional.orElse(null));
      case Duration duration -> json.writeNumber(seconds(duration));
      case LocalTime time -> json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
      case LocalDateTime time -> json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time));
      case OffsetDateTime time -> json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      case ZonedDateTime time -> json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      // Instant, LocalDate, YearMonth, Year, Period, ZoneId, ZoneOffset: their toString is ISO-8601.
      case TemporalAccessor temporal -> json.writeString(temporal.toString());
      case java.time.Period period -> json.writeString(period.toString());
      case java.time.ZoneId zone -> json.writeString(zone.getId());
      case java.util.UUID id -> json.writeString(id.toString());
      case java.net.URI uri -> json.writeString(uri.toString());
      case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
      case Record record -> writeRecord(json, record);
      case Map<?, ?> map -> writeMap(json, map);
      case Collection<?> items -> {
        json.writeStartArray();
        for (Object item : items) {
          write(json, item);
        }
        json.writeEndArray();
      }
      case Object[] items -> write(json, Arrays.asList(items));
      default -> throw new IllegalStateException("Cannot serialise " + value.getClass().getName()
          + ": answers are records, collections, maps and plain values");
    }
  }

  private static void writeRecord(JsonGenerator json, Record record) throws IOException {
    json.writeStartObject();
    for (RecordComponent component : COMPONENTS.computeIfAbsent(record.getClass(), JsonWriter::components)) {
      Object value = get(component.getAccessor(), record);
      if (present(value)) {
        json.writeFieldName(component.getName());
        write(json, value);
      }
    }
    json.writeEndObject();
  }

  private static void writeMap(JsonGenerator json, Map<?, ?> map) throws IOException {
    json.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (present(entry.getValue())) {
        Object key = entry.getKey();
        json.writeFieldName(key instanceof Enum<?> constant ? constant.name() : String.valueOf(key));
        write(json, entry.getValue());
      }
    }
    json.writeEndObject();
  }

  private static boolean present(Object value) {
    return value != null && !(value instanceof Optional<?> optional && optional.isEmpty());
  }

  /** Seconds with nine decimals, as Jackson's Java-time module writes a duration by default. */
  private static BigDecimal seconds(Duration duration) {
    if (duration.isZero()) {
      return BigDecimal.ZERO.setScale(1);
    }
    return new BigDecimal(BigInteger.valueOf(duration.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(duration.getNano())), 9);
  }

  private static RecordComponent[] components(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    for (RecordComponent component : components) {
      component.getAccessor().setAccessible(true);
    }
    return components;
  }

  private static Object get(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + accessor, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + accessor, e.getCause());
    }
  }
}
