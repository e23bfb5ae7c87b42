package nl.klantportaal.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml as data: the one source of truth that the local cloud and the tests read instead
 * of repeating what it declares. Short-form intrinsics arrive in long form; resolving them is the
 * caller's business ({@link Intrinsics}).
 */
public final class SamTemplate {

  public static final String FUNCTION = "AWS::Serverless::Function";
  public static final String TABLE = "AWS::DynamoDB::Table";

  private final Path file;
  private final Map<String, Object> root;

  private SamTemplate(Path file, Map<String, Object> root) {
    this.file = file;
    this.root = root;
  }

  public static SamTemplate load(Path file) {
    try {
      return new SamTemplate(file, CloudFormationYaml.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SAM template " + file, e);
    }
  }

  /**
   * The project's own template.yaml: found from the system property {@code portal.root} (set by the
   * build) or by walking up from the working directory.
   */
  public static SamTemplate project() {
    return load(projectRoot().resolve("template.yaml"));
  }

  public static Path projectRoot() {
    String configured = System.getProperty("portal.root");
    if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No template.yaml found above " + Path.of("").toAbsolutePath());
  }

  public Path file() {
    return file;
  }

  public Map<String, Object> section(String name) {
    return Yamls.map(root.get(name));
  }

  public Map<String, Object> resources() {
    return section("Resources");
  }

  public Optional<Resource> resource(String logicalId) {
    Object body = resources().get(logicalId);
    return body == null ? Optional.empty() : Optional.of(new Resource(logicalId, Yamls.map(body)));
  }

  public List<Resource> resourcesOfType(String type) {
    List<Resource> found = new ArrayList<>();
    resources().forEach((id, body) -> {
      Resource resource = new Resource(id, Yamls.map(body));
      if (type.equals(resource.type())) {
        found.add(resource);
      }
    });
    return found;
  }

  /** Globals.Function merged under a function's own properties, as SAM does for scalars and maps. */
  public Map<String, Object> functionProperties(Resource function) {
    Map<String, Object> merged = new LinkedHashMap<>(Yamls.map(section("Globals").get("Function")));
    function.properties().forEach((key, value) -> {
      Object global = merged.get(key);
      if (global instanceof Map<?, ?> && value instanceof Map<?, ?>) {
        merged.put(key, Yamls.deepMerge(Yamls.map(global), Yamls.map(value)));
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }

  /** A function's Events of one Type (HttpApi, Schedule, ScheduleV2, DynamoDB, ...). */
  public List<FunctionEvent> events(Resource function, String type) {
    return events(function).stream().filter(event -> event.type().equals(type)).toList();
  }

  /** Every function's events of one Type, in template order. */
  public List<FunctionEvent> eventsOfType(String type) {
    return resourcesOfType(FUNCTION).stream().flatMap(function -> events(function, type).stream()).toList();
  }

  public List<FunctionEvent> events(Resource function) {
    List<FunctionEvent> events = new ArrayList<>();
    Yamls.map(function.properties().get("Events")).forEach((name, body) -> {
      Map<String, Object> event = Yamls.map(body);
      events.add(new FunctionEvent(function.logicalId(), name, Yamls.string(event.get("Type")),
          Yamls.map(event.get("Properties"))));
    });
    return events;
  }

  /** A resource: its logical id, Type and Properties. */
  public record Resource(String logicalId, Map<String, Object> body) {
    public String type() {
      return Yamls.string(body.get("Type"));
    }

    public Map<String, Object> properties() {
      return Yamls.map(body.get("Properties"));
    }
  }

  /** One entry of a function's Events: HttpApi, Schedule, ScheduleV2, DynamoDB, ... */
  public record FunctionEvent(String functionId, String name, String type, Map<String, Object> properties) {}
}
