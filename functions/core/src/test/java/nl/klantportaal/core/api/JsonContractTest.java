package nl.klantportaal.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's JSON (jackson-core only) against the databind mapper it replaced, configured as it was: the same
 * bytes for the same answers, the same values for the same requests, and the same refusals (problem type,
 * field path and code) for the same bad requests. The one intended difference, a field given twice, is
 * tested on its own.
 */
class JsonContractTest {
  enum Colour { RED, GREEN }

  record Address(String street, Optional<String> city) {}

  record Everything(String text, int number, long big, Integer boxed, double fraction, BigDecimal money, boolean flag,
      Optional<String> maybe, Optional<Integer> maybeNumber, Instant at, LocalDate day, YearMonth month, LocalTime time,
      Duration duration, Colour colour, DayOfWeek weekday, UUID id, List<String> tags, Set<Colour> colours,
      Map<String, String> answers, Map<Colour, Integer> counts, Address address, List<Address> addresses,
      Object anything) {}

  record Input(String title, Integer count, Optional<String> note, List<String> tags, Map<String, String> answers,
      Instant dueAt, LocalDate day, Colour colour, Address address, List<Address> more, Long version, Boolean urgent,
      Double rate, BigDecimal amount) {}

  record Primitives(String title, int count, long version, boolean urgent, double rate) {}

  record Refusing(String code) {
    Refusing {
      if (code != null && code.isBlank()) {
        throw new IllegalArgumentException("blank");
      }
    }
  }

  record Holder(Refusing inner) {}

  private static final ObjectMapper DATABIND = databind();

  @Test
  void writesWhatDatabindWrote() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("n", 12);
    nested.put("gone", null);
    nested.put("list", Arrays.asList("a", null, 3.5));
    List<Everything> values = List.of(
        new Everything("tekst \"met\" ü ✓ \u2028", 7, 9_007_199_254_740_993L, null, 0.1, new BigDecimal("1234.50"), true,
            Optional.of("x"), Optional.empty(), Instant.parse("2026-12-07T08:15:30.123456789Z"), LocalDate.of(2026, 1, 2),
            YearMonth.of(2026, 3), LocalTime.of(9, 0), Duration.ofHours(8).plusMillis(5), Colour.GREEN, DayOfWeek.MONDAY,
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), List.of("a", "b"), Set.of(Colour.RED),
            Map.of("k", "v"), Map.of(Colour.RED, 2), new Address("Straat 1", Optional.empty()),
            List.of(new Address("A", Optional.of("B"))), nested),
        new Everything(null, 0, 0, 3, -2.5e-7, BigDecimal.ZERO, false, Optional.empty(), Optional.of(4),
            Instant.parse("2026-12-07T08:15:30Z"), null, null, LocalTime.of(23, 59, 59), Duration.ZERO, null, null, null,
            List.of(), Set.of(), Map.of(), Map.of(), null, List.of(), List.of(1, "two", true)));
    for (Everything value : values) {
      assertEquals(new String(DATABIND.writeValueAsBytes(value), StandardCharsets.UTF_8),
          new String(Json.write(value), StandardCharsets.UTF_8));
    }
    assertEquals(DATABIND.writeValueAsString(List.of(Optional.empty(), Optional.of(1))),
        new String(Json.write(List.of(Optional.empty(), Optional.of(1))), StandardCharsets.UTF_8));
    assertEquals(DATABIND.writeValueAsString(Duration.ofSeconds(-3, 5)),
        new String(Json.write(Duration.ofSeconds(-3, 5)), StandardCharsets.UTF_8));
  }

  static Stream<String> requests() {
    return Stream.of(
        // accepted
        "{\"title\":\"Printer\",\"count\":2,\"tags\":[\"a\",\"b\"],\"answers\":{\"x\":\"y\"},\"dueAt\":\"2026-12-07T10:00:00Z\","
            + "\"day\":\"2026-12-07\",\"colour\":\"RED\",\"address\":{\"street\":\"s\",\"city\":\"c\"},\"more\":[{\"street\":\"t\"}],"
            + "\"version\":3,\"urgent\":true,\"rate\":1,\"amount\":12.50}",
        "{}",
        "{\"note\":null,\"version\":null,\"tags\":null,\"address\":null}",
        "{\"note\":\"n\",\"rate\":1.5,\"amount\":3}",
        " {\"title\":\"t\"} ",
        // refused: the document
        "", "null", "[]", "\"text\"", "12", "{\"title\":\"t\"} {}", "{\"title\":\"t\"", "{title:1}", "{\"title\":\"t\",}",
        // refused: a field
        "{\"unknown\":1}", "{\"address\":{\"street\":\"s\",\"zip\":\"1\"}}", "{\"more\":[{\"street\":\"s\"},{\"x\":1}]}",
        "{\"title\":12}", "{\"title\":true}", "{\"title\":1.5}", "{\"title\":[\"a\"]}", "{\"title\":{}}",
        "{\"count\":\"12\"}", "{\"count\":1.5}", "{\"count\":true}", "{\"count\":12345678901}",
        "{\"count\":99999999999999999999999}", "{\"urgent\":\"true\"}", "{\"urgent\":1}", "{\"urgent\":null}",
        "{\"version\":\"3\"}", "{\"version\":1.0}", "{\"rate\":\"1.5\"}", "{\"amount\":\"3\"}",
        "{\"tags\":\"a\"}", "{\"tags\":\"\"}", "{\"tags\":[1]}", "{\"tags\":{}}", "{\"answers\":[]}", "{\"answers\":{\"x\":1}}",
        "{\"dueAt\":\"tomorrow\"}", "{\"dueAt\":\"\"}", "{\"day\":\"\"}", "{\"day\":\"2026-13-01\"}", "{\"day\":\"07-12-2026\"}",
        "{\"colour\":\"red\"}", "{\"colour\":\"BLUE\"}", "{\"colour\":\"\"}", "{\"address\":\"s\"}", "{\"address\":[]}",
        "{\"more\":{}}", "{\"more\":[\"s\"]}", "{\"note\":1}", "{\"note\":[]}");
  }

  @ParameterizedTest
  @MethodSource("requests")
  void readsRequestsAsDatabindDid(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertEquals(outcome(() -> databindRead(bytes, Input.class)), outcome(() -> Json.read(bytes, Input.class)), body);
  }

  @Test
  void readsPrimitivesAsDatabindDid() {
    for (String primitives : List.of("{\"count\":1,\"version\":2,\"urgent\":false,\"rate\":0.5}", "{\"count\":1}",
        "{\"title\":\"t\",\"version\":2,\"urgent\":true,\"rate\":1}", "{\"count\":1,\"version\":2,\"urgent\":true,\"rate\":null}",
        "{\"count\":1,\"version\":2,\"urgent\":true,\"rate\":\"1\"}", "{\"count\":1,\"version\":2,\"urgent\":true,\"rate\":1}",
        "{\"count\":1,\"version\":2,\"urgent\":true,\"rate\":1, \"x\": 1}")) {
      byte[] json = primitives.getBytes(StandardCharsets.UTF_8);
      assertEquals(outcome(() -> databindRead(json, Primitives.class)), outcome(() -> Json.read(json, Primitives.class)),
          primitives);
    }
  }

  @Test
  void refusesWhatARecordRefusesAsDatabindDid() {
    for (String body : List.of("{\"inner\":{\"code\":\" \"}}", "{\"inner\":{\"code\":\"ok\"}}")) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      assertEquals(outcome(() -> databindRead(bytes, Holder.class)), outcome(() -> Json.read(bytes, Holder.class)), body);
    }
  }

  @Test
  void refusesAFieldGivenTwiceWhichDatabindSilentlyOverwrote() {
    ApiProblem problem = assertThrows(ApiProblem.class,
        () -> Json.read("{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8), Input.class));
    assertEquals(List.of(new nl.klantportaal.core.shared.domain.FieldError("title", "duplicate-field", "is given more than once")),
        problem.errors());
    ApiProblem inMap = assertThrows(ApiProblem.class,
        () -> Json.read("{\"answers\":{\"x\":\"1\",\"x\":\"2\"}}".getBytes(StandardCharsets.UTF_8), Input.class));
    assertEquals("answers.x", inMap.errors().get(0).field());
  }

  @Test
  void refusesTheCoercionsDatabindStillLetThrough() throws Exception {
    // Databind took a number as seconds since 1970 and as an enum's position; neither is what a user means.
    assertEquals(Instant.ofEpochSecond(12), DATABIND.readValue("{\"dueAt\":12}", Input.class).dueAt());
    assertEquals(Colour.GREEN, DATABIND.readValue("{\"colour\":1}", Input.class).colour());
    for (String body : List.of("{\"dueAt\":12}", "{\"colour\":1}")) {
      ApiProblem problem = assertThrows(ApiProblem.class, () -> Json.read(body.getBytes(StandardCharsets.UTF_8), Input.class));
      assertEquals("type", problem.errors().get(0).code(), body);
    }
  }

  @Test
  void refusesDocumentsNestedTooDeeply() {
    String deep = "{\"anything\":" + "[".repeat(40) + "]".repeat(40) + "}";
    ApiProblem problem = assertThrows(ApiProblem.class,
        () -> Json.read(deep.getBytes(StandardCharsets.UTF_8), Everything.class));
    assertEquals(ProblemType.MALFORMED_JSON, problem.type());
  }

  @Test
  void readsStoredJsonOfNoDeclaredShapeAsDatabindDid() throws Exception {
    String json = "{\"s\":\"scope\",\"k\":{\"PK\":\"T#1\",\"n\":12,\"big\":12345678901,\"f\":1.5,\"t\":true,\"z\":null,\"l\":[1,\"a\"]}}";
    assertEquals(DATABIND.readValue(json, Map.class), Json.readObject(json.getBytes(StandardCharsets.UTF_8)));
    assertThrows(Json.Unreadable.class, () -> Json.readObject("[1]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(Json.Unreadable.class, () -> Json.readObject("{".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsBackWhatItWrites() {
    Input input = new Input("t", 2, Optional.of("n"), List.of("a"), Map.of("k", "v"), Instant.parse("2026-12-07T10:00:00.5Z"),
        LocalDate.of(2026, 12, 7), Colour.GREEN, new Address("s", Optional.empty()), List.of(), 4L, true, 0.25,
        new BigDecimal("10.00"));
    assertEquals(input, Json.readStored(Json.write(input), Input.class));
    record Span(Duration length) {}
    assertEquals(new Span(Duration.ofMillis(90_500)), Json.readStored(Json.write(new Span(Duration.ofMillis(90_500))), Span.class));
  }

  @Test
  void treesAnswerFallbacksForPathsThatLeadNowhere() throws Exception {
    String json = "{\"bounce\":{\"bouncedRecipients\":[{\"emailAddress\":\"a@b.nl\",\"n\":3}],\"flag\":false},\"n\":\"42\"}";
    JsonTree tree = JsonTree.parse(json);
    JsonNode node = DATABIND.readTree(json);
    assertEquals(node.path("bounce").path("bouncedRecipients").path(0).path("emailAddress").asText(""),
        tree.path("bounce").path("bouncedRecipients").path(0).path("emailAddress").text(""));
    assertEquals(node.path("bounce").path("bouncedRecipients").path(0).path("n").asText(""),
        tree.path("bounce").path("bouncedRecipients").path(0).path("n").text(""));
    assertEquals(node.path("bounce").path("flag").asText("x"), tree.path("bounce").path("flag").text("x"));
    assertEquals(node.path("missing").path(3).asText("fallback"), tree.path("missing").path(3).text("fallback"));
    assertEquals(node.path("bounce").asText("fallback"), tree.path("bounce").text(""));
    assertEquals(node.path("n").asInt(7), tree.path("n").integer(7));
    assertEquals(node.path("bounce").asInt(7), tree.path("bounce").integer(7));
    assertEquals(1, tree.path("bounce").path("bouncedRecipients").items().size());
    assertEquals(List.of(), tree.path("n").items());
    assertThrows(Json.Unreadable.class, () -> JsonTree.parse("{\"a\":"));
  }

  /** What a read came to: the value, or the problem's type and its field errors' paths and codes. */
  private static String outcome(java.util.concurrent.Callable<?> read) {
    try {
      return "value " + read.call();
    } catch (ApiProblem problem) {
      return problem.type() + " " + problem.errors().stream().map(e -> e.field() + ":" + e.code()).collect(Collectors.toList());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // The mapper and the mapping of its exceptions as core's Json had them before it left databind.

  private static <T> T databindRead(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is empty");
    }
    try {
      T value = DATABIND.readValue(body, type);
      if (value == null) {
        throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw fieldProblem(e, "unknown-field");
    } catch (MismatchedInputException e) {
      throw fieldProblem(e, "type");
    } catch (JsonMappingException e) {
      throw fieldProblem(e, "invalid");
    } catch (JsonProcessingException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ApiProblem fieldProblem(JsonMappingException e, String code) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (path.isEmpty()) {
      return new ApiProblem(ProblemType.MALFORMED_JSON, "The request body does not have the expected shape");
    }
    return new ApiProblem(ProblemType.VALIDATION_FAILED, "The request has invalid fields",
        List.of(new nl.klantportaal.core.shared.domain.FieldError(path, code, "")), Optional.empty());
  }

  private static ObjectMapper databind() {
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
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }
}
