package nl.klantportaal.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Binds JSON to records on jackson-core's streaming parser, strictly: an unknown or repeated field, a
 * value of the wrong JSON type (a text for a number, a number for a text, a fraction for a whole number,
 * null for a primitive, a single value for a list) and a text that does not parse as the field's type are
 * refused with the field's path, so nothing a user sent is silently dropped or reinterpreted. A field left
 * out is null or {@code Optional.empty()}; a primitive one (a number or a yes/no) is refused, not taken as 0
 * or false. A record's own constructor may refuse a value too.
 */
final class JsonReader {
  private static final Map<Class<?>, Binding> RECORDS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Function<String, ?>> TEXTUAL = Map.ofEntries(
      Map.entry(Instant.class, Instant::parse),
      Map.entry(LocalDate.class, LocalDate::parse),
      Map.entry(LocalTime.class, LocalTime::parse),
      Map.entry(LocalDateTime.class, LocalDateTime::parse),
      Map.entry(OffsetDateTime.class, OffsetDateTime::parse),
      Map.entry(ZonedDateTime.class, ZonedDateTime::parse),
      Map.entry(YearMonth.class, YearMonth::parse),
      Map.entry(Duration.class, Duration::parse),
      Map.entry(Period.class, Period::parse),
      Map.entry(ZoneId.class, ZoneId::of),
      Map.entry(java.util.UUID.class, java.util.UUID::fromString),
      Map.entry(java.net.URI.class, java.net.URI::create));

  /** Why a value was refused, and where: {@code path} is empty for the document itself. */
  static final class Refused extends RuntimeException {
    final String path;
    final String code;

    Refused(String path, String code, String message) {
      super(message, null, false, false);
      this.path = path;
      this.code = code;
    }
  }

  private record Binding(Constructor<?> constructor, RecordComponent[] components, Map<String, Integer> index) {}

  private final JsonParser parser;

  private JsonReader(JsonParser parser) {
    this.parser = parser;
  }

  /** The document's one value as {@code type}; the parser stands before it, and nothing may follow it. */
  static Object document(JsonParser parser, Type type) throws IOException {
    parser.nextToken();
    Object value = new JsonReader(parser).value(type, "");
    if (parser.nextToken() != null) {
      throw new Refused("", "type", "has more than one value");
    }
    return value;
  }

  private Object value(Type type, String path) throws IOException {
    Class<?> raw = raw(type);
    JsonToken token = parser.currentToken();
    if (raw == Optional.class) {
      return token == JsonToken.VALUE_NULL ? Optional.empty() : Optional.ofNullable(value(argument(type, 0), path));
    }
    if (token == JsonToken.VALUE_NULL) {
      if (raw.isPrimitive()) {
        throw wrongType(path);
      }
      return null;
    }
    if (raw == String.class) {
      return expect(token == JsonToken.VALUE_STRING, path, parser::getText);
    }
    if (raw == int.class || raw == Integer.class) {
      return Math.toIntExact(whole(path, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
    if (raw == long.class || raw == Long.class) {
      return whole(path, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == short.class || raw == Short.class) {
      return (short) whole(path, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (raw == BigInteger.class) {
      return expect(token == JsonToken.VALUE_NUMBER_INT, path, parser::getBigIntegerValue);
    }
    if (raw == double.class || raw == Double.class) {
      return expect(token.isNumeric(), path, parser::getDoubleValue);
    }
    if (raw == float.class || raw == Float.class) {
      return expect(token.isNumeric(), path, parser::getFloatValue);
    }
    if (raw == BigDecimal.class) {
      return expect(token.isNumeric(), path, parser::getDecimalValue);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return expect(token.isBoolean(), path, parser::getBooleanValue);
    }
    if (raw.isEnum()) {
      return parsed(path, text -> enumConstant(raw, text));
    }
    if (raw == Duration.class && token.isNumeric()) {
      // Seconds, as JsonWriter writes a duration.
      BigDecimal seconds = parser.getDecimalValue();
      return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    Function<String, ?> textual = TEXTUAL.get(raw);
    if (textual != null) {
      return parsed(path, textual);
    }
    if (raw.isRecord()) {
      return record(raw, path);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return map(type, path);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return collection(raw, argument(type, 0), path);
    }
    if (raw == Object.class) {
      return untyped(path);
    }
    throw new IllegalStateException("Cannot read " + type.getTypeName() + ": requests are records of plain values");
  }

  private Object record(Class<?> type, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(path);
    }
    Binding binding = RECORDS.computeIfAbsent(type, JsonReader::binding);
    RecordComponent[] components = binding.components();
    Object[] values = new Object[components.length];
    boolean[] given = new boolean[components.length];
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      String fieldPath = path.isEmpty() ? field : path + "." + field;
      Integer at = binding.index().get(field);
      if (at == null) {
        throw new Refused(fieldPath, "unknown-field", "is not a known field");
      }
      if (given[at]) {
        throw new Refused(fieldPath, "duplicate-field", "is given more than once");
      }
      given[at] = true;
      parser.nextToken();
      values[at] = value(components[at].getGenericType(), fieldPath);
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw wrongType(path);
    }
    for (int i = 0; i < components.length; i++) {
      if (!given[i]) {
        if (components[i].getType().isPrimitive()) {
          // A number or a yes/no left out is not taken as 0 or false.
          throw wrongType(path.isEmpty() ? components[i].getName() : path + "." + components[i].getName());
        }
        values[i] = components[i].getType() == Optional.class ? Optional.empty() : null;
      }
    }
    try {
      return binding.constructor().newInstance(values);
    } catch (InvocationTargetException e) {
      // The record refused the values it was given.
      throw new Refused(path, "invalid", "is not valid");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot construct " + type.getName(), e);
    }
  }

  private Map<Object, Object> map(Type type, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(path);
    }
    Class<?> keyType = raw(argument(type, 0));
    Type valueType = argument(type, 1);
    Map<Object, Object> map = new LinkedHashMap<>();
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      String fieldPath = path.isEmpty() ? field : path + "." + field;
      Object key = keyType.isEnum() ? key(keyType, field, fieldPath) : field;
      if (map.containsKey(key)) {
        throw new Refused(fieldPath, "duplicate-field", "is given more than once");
      }
      parser.nextToken();
      map.put(key, value(valueType, fieldPath));
    }
    return map;
  }

  private Collection<Object> collection(Class<?> raw, Type elementType, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(path);
    }
    Collection<Object> items = SortedSet.class.isAssignableFrom(raw) ? new TreeSet<>()
        : Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(elementType, path + "[" + index++ + "]"));
    }
    return items;
  }

  /** A value of no declared type: objects as maps, arrays as lists, numbers as Integer, Long, BigInteger or Double. */
  private Object untyped(String path) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> map(Map.class, path);
      case START_ARRAY -> collection(List.class, Object.class, path);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw wrongType(path);
    };
  }

  private long whole(String path, long min, long max) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(path);
    }
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new Refused(path, "invalid", "is not valid");
    }
    long value = parser.getLongValue();
    if (value < min || value > max) {
      throw new Refused(path, "invalid", "is not valid");
    }
    return value;
  }

  private Object parsed(String path, Function<String, ?> parse) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(path);
    }
    try {
      return parse.apply(parser.getText());
    } catch (RuntimeException e) {
      // DateTimeParseException, IllegalArgumentException, DateTimeException: not this type's format.
      throw new Refused(path, "type", "has the wrong type or format");
    }
  }

  private Object key(Class<?> type, String text, String path) {
    try {
      return enumConstant(type, text);
    } catch (IllegalArgumentException e) {
      throw new Refused(path, "type", "has the wrong type or format");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class<Enum>) type, name);
  }

  private <T> T expect(boolean ok, String path, IoSupplier<T> read) throws IOException {
    if (!ok) {
      throw wrongType(path);
    }
    return read.get();
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static Refused wrongType(String path) {
    return new Refused(path, "type", "has the wrong type");
  }

  private static Binding binding(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameters = new Class<?>[components.length];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < components.length; i++) {
      parameters[i] = components[i].getType();
      index.put(components[i].getName(), i);
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameters);
      constructor.setAccessible(true);
      return new Binding(constructor, components, index);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("A record without its canonical constructor: " + type.getName(), e);
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type argument(Type type, int i) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
  }
}
