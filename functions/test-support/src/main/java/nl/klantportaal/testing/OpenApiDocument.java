package nl.klantportaal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.template.SamTemplate;

/**
 * docs/openapi.yaml, read as JSON, and what it documents for a route's answer: the response of the
 * status (exact, else its class {@code 4XX}), its media types and schema, checked with networknt's
 * JSON Schema validator (draft 2020-12, the dialect of OpenAPI 3.1). Used by the sweeps
 * (infrastructure/template-contract) and by the local cloud's tests for every answer through the gateway.
 */
public final class OpenApiDocument {
  public static final Path FILE = SamTemplate.projectRoot().resolve("docs/openapi.yaml");
  private static final String BASE = "https://klantportaal.example.test/openapi.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiDocument(JsonNode root) {
    this.root = root;
    // The document is known to the registry under its own address, so a schema's $ref into components resolves in it.
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(Map.of(BASE, root.toString())));
  }

  public static OpenApiDocument project() {
    try {
      return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + FILE, e);
    }
  }

  public JsonNode root() {
    return root;
  }

  /** Every operation as its route key ({@code GET /tickets/{ticketId}}). */
  public List<String> routeKeys() {
    List<String> keys = new ArrayList<>();
    root.path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> keys.add(op.getKey().toUpperCase() + " " + path.getKey())));
    return keys;
  }

  public Optional<JsonNode> operation(String routeKey) {
    String method = routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase();
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    JsonNode op = root.path("paths").path(path).path(method);
    return op.isMissingNode() ? Optional.empty() : Optional.of(op);
  }

  /**
   * What is wrong with an answer of {@code routeKey} against the document: an undocumented status, a
   * media type it does not list, a body that is not JSON or breaks the schema. Empty when it holds.
   */
  public List<String> check(String routeKey, int status, Optional<String> contentType, String body) {
    List<String> problems = new ArrayList<>();
    String method = routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase();
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    String operation = "/paths/" + escape(path) + "/" + method;
    JsonNode responses = root.at(operation + "/responses");
    String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : (status / 100) + "XX";
    if (!responses.has(key)) {
      problems.add(routeKey + ": status " + status + " is not documented");
      return problems;
    }
    String pointer = operation + "/responses/" + key;
    JsonNode response = responses.path(key);
    if (response.has("$ref")) {
      pointer = response.path("$ref").asText().substring(1);
      response = root.at(pointer);
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return problems; // no body described (yet): the status is what is documented
    }
    String mediaType = contentType.map(t -> t.split(";")[0].strip()).orElse("");
    if (!content.has(mediaType)) {
      problems.add(routeKey + " " + status + ": media type '" + mediaType + "' is not documented");
      return problems;
    }
    if (!mediaType.endsWith("json") || !content.path(mediaType).has("schema")) {
      return problems; // a file (PDF, spreadsheet), or a body not described: its media type is what is documented
    }
    JsonNode value;
    try {
      value = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      problems.add(routeKey + " " + status + ": the body is not JSON");
      return problems;
    }
    if (value == null || value.isMissingNode()) {
      problems.add(routeKey + " " + status + ": no body, but one is documented");
      return problems;
    }
    String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
    Schema schema = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    schema.validate(value).forEach(error -> problems.add(routeKey + " " + status + ": " + error));
    return problems;
  }

  /**
   * The documented route a request's method and path reach ({@code GET /tickets/acme-7} → {@code GET
   * /tickets/{ticketId}}); a literal segment wins over a parameter, as in API Gateway.
   */
  public Optional<String> routeKeyOf(String method, String path) {
    String[] segments = path.split("/", -1);
    String best = null;
    int bestParams = Integer.MAX_VALUE;
    for (String key : routeKeys()) {
      String template = key.substring(key.indexOf(' ') + 1);
      if (!key.startsWith(method.toUpperCase() + " ")) {
        continue;
      }
      String[] parts = template.split("/", -1);
      if (parts.length != segments.length) {
        continue;
      }
      int params = 0;
      boolean matches = true;
      for (int i = 0; i < parts.length && matches; i++) {
        if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
          params++;
          matches = !segments[i].isEmpty();
        } else {
          matches = parts[i].equals(segments[i]);
        }
      }
      if (matches && params < bestParams) {
        best = key;
        bestParams = params;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
