package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.identity.domain.Access;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml is the source of truth: every function it names has its handler class with both
 * constructors, every HttpApi route is a route of that handler with a declared permission (public
 * exactly where the template says Authorizer NONE), no handler serves a route the template lacks,
 * and events/ holds a sample event for every function and every route.
 */
class TemplateContractTest {
  private static final SamTemplate TEMPLATE = SamTemplate.project();

  /**
   * Samples that carry, on purpose, a route their function does not serve: API Gateway never sends
   * one, yet the handler must answer it with a problem (HealthHandlerTest). Paths below events/.
   */
  private static final Set<String> UNROUTED_SAMPLES = Set.of("platform/health/post-unknown-route.json");

  @TestFactory
  Stream<DynamicTest> everyFunctionAgreesWithItsHandler() {
    Map<String, String> env = TestEnvironment.forTable(LocalDynamoDb.shared(), "not-used-at-init");
    return TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).stream().map(function ->
        DynamicTest.dynamicTest(function.logicalId(), () -> {
          Map<String, Object> properties = TEMPLATE.functionProperties(function);
          String handler = Yamls.string(properties.get("Handler"));
          assertTrue(handler.endsWith("::handleRequest"), handler);
          Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
          assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type));
          type.getConstructor();
          Object instance = type.getConstructor(Map.class).newInstance(env);
          assertCodeUri(function.logicalId(), Yamls.string(properties.get("CodeUri")), type);

          Set<String> declared = new TreeSet<>();
          for (var event : TEMPLATE.events(function)) {
            if (!event.type().equals("HttpApi")) {
              continue;
            }
            String routeKey = Yamls.string(event.properties().get("Method")).toUpperCase() + " "
                + Yamls.string(event.properties().get("Path"));
            declared.add(routeKey);
            assertTrue(instance instanceof ApiHandler, function.logicalId() + " serves HttpApi routes");
            Route route = ((ApiHandler) instance).routes().find(routeKey)
                .orElseThrow(() -> new AssertionError(function.logicalId() + " has no route " + routeKey));
            boolean publicInTemplate = "NONE".equals(Yamls.string(Yamls.map(event.properties().get("Auth")).get("Authorizer")));
            assertEquals(publicInTemplate, route.access() == Access.PUBLIC,
                routeKey + ": public in the handler exactly where the template turns the authorizer off");
          }
          if (instance instanceof ApiHandler api) {
            Set<String> served = new TreeSet<>();
            api.routes().all().forEach(route -> served.add(route.routeKey()));
            assertEquals(declared, served, function.logicalId() + ": routes in the handler and in template.yaml");
          }
          assertSampleEvents(function.logicalId(), type, declared);
        }));
  }

  private static void assertCodeUri(String id, String codeUri, Class<?> handler) {
    String module = handler.getPackageName().split("\\.")[2];
    assertEquals("functions/" + module + "/target/" + module + "-lambda.jar", codeUri, id + " CodeUri");
    assertTrue(Files.isDirectory(SamTemplate.projectRoot().resolve("functions/" + module)), id + " module");
  }

  /** events/<module>/<handler name without Handler, kebab-case>/ holds the function's samples. */
  private static void assertSampleEvents(String id, Class<?> handler, Set<String> routeKeys) throws IOException {
    String module = handler.getPackageName().split("\\.")[2];
    String name = handler.getSimpleName().replaceFirst("Handler$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    Path folder = Lambda.events().resolve(module).resolve(name);
    if (!Files.isDirectory(folder)) {
      fail(id + ": no sample events in " + folder);
    }
    List<Path> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(p -> p.toString().endsWith(".json")).forEach(samples::add);
    }
    assertFalse(samples.isEmpty(), id + ": no sample events in " + folder);
    if (!routeKeys.isEmpty()) {
      Set<String> covered = new TreeSet<>();
      for (Path sample : samples) {
        String relative = relative(sample);
        String routeKey = Lambda.httpEvent(relative).getRouteKey();
        if (UNROUTED_SAMPLES.contains(relative)) {
          assertFalse(routeKeys.contains(routeKey), relative + " is listed as unrouted, yet " + id + " serves " + routeKey);
        } else {
          covered.add(routeKey);
        }
      }
      assertTrue(routeKeys.containsAll(covered), id + ": samples for routes the function does not serve: " + covered);
      assertEquals(routeKeys, covered, id + ": every route has at least one sample event");
    }
  }

  /** The path below events/, with forward slashes, as tests name it. */
  private static String relative(Path file) {
    return Lambda.events().relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
