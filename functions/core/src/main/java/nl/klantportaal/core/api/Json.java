package nl.klantportaal.core.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.FieldError;

/**
 * JSON in one place, on jackson-core's streaming parser and generator (no databind: its object mapper,
 * modules and introspection cost a cold start about a quarter of a second; README, "Functions against
 * floors"). Request bodies are read strictly ({@link JsonReader}): unknown or repeated fields, wrong types,
 * nulls for primitives and coercions ("12" for a number, 12 for a text) are refused with field errors, so
 * nothing a user sent is silently dropped or reinterpreted. Answers are written by {@link JsonWriter}.
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1_000_000).build())
      .build();

  private Json() {}

  /** A request body as {@code type}, or a problem: malformed JSON, the wrong shape, or invalid fields. */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is empty");
    }
    Object value;
    try {
      value = parse(body, type);
    } catch (JsonReader.Refused e) {
      if (e.path.isEmpty()) {
        throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body does not have the expected shape");
      }
      throw new ApiProblem(ProblemType.VALIDATION_FAILED, "The request has invalid fields",
          List.of(new FieldError(e.path, e.code, e.getMessage())), Optional.empty());
    } catch (JsonProcessingException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
    }
    if (value == null) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body must be a JSON object");
    }
    return type.cast(value);
  }

  /**
   * JSON this system wrote itself (a stored definition, a signed cursor, a token's claims) as {@code type}:
   * a record, a map, a list, or {@code Object} for maps, lists, texts, numbers and booleans. Read as strictly
   * as a request.
   *
   * @throws Unreadable when it is not JSON or not of that shape
   */
  public static <T> T readStored(byte[] json, Type type) {
    try {
      @SuppressWarnings("unchecked")
      T value = (T) parse(json, type);
      return value;
    } catch (JsonReader.Refused e) {
      throw new Unreadable("at '" + e.path + "' " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new Unreadable("not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A JSON object of no declared shape, as a map of maps, lists, texts, numbers and booleans. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(byte[] json) {
    Object value = readStored(json, Object.class);
    if (!(value instanceof Map<?, ?>)) {
      throw new Unreadable("not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  public static byte[] write(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      JsonWriter.write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise " + value.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  private static Object parse(byte[] json, Type type) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return JsonReader.document(parser, type);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stored JSON that is not what it should be. */
  public static final class Unreadable extends IllegalArgumentException {
    Unreadable(String message) {
      super(message);
    }
  }
}
