package nl.klantportaal.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import nl.klantportaal.core.shared.domain.FieldError;

/**
 * JSON mapping in one place. Request bodies are read strictly: unknown fields, wrong types, nulls
 * for primitives and coercions ("12" for a number, 12 for a text) are refused with field errors,
 * so nothing a user sent is silently dropped or reinterpreted.
 */
public final class Json {
  private static final ObjectMapper MAPPER = build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is empty");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw fieldProblem(e, "unknown-field", "is not a known field");
    } catch (InvalidFormatException e) {
      throw fieldProblem(e, "type", "has the wrong type or format");
    } catch (MismatchedInputException e) {
      throw fieldProblem(e, "type", "has the wrong type");
    } catch (JsonMappingException e) {
      // A record constructor refused a value, or the structure is not what the route expects.
      throw fieldProblem(e, "invalid", "is not valid");
    } catch (JsonProcessingException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static ApiProblem fieldProblem(JsonMappingException e, String code, String message) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (path.isEmpty()) {
      return new ApiProblem(ProblemType.MALFORMED_JSON, "The request body does not have the expected shape");
    }
    return new ApiProblem(ProblemType.VALIDATION_FAILED, "The request has invalid fields",
        List.of(new FieldError(path, code, message)), java.util.Optional.empty());
  }

  private static ObjectMapper build() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1_000_000).build())
        .build();
    JsonMapper mapper = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        // 24.5 hours or version 1.9 is a mistake to report, not a number to cut off.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
    for (LogicalType textual : List.of(LogicalType.Textual)) {
      mapper.coercionConfigFor(textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }
}
