package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.OpenApiDocument;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml against template.yaml and the handlers: every HttpApi route of the template is
 * documented and nothing else; each operation's {@code x-permission} is the permission its route
 * declares, {@code x-before-mfa} is set exactly where a signed-in route may be used before MFA, public
 * routes need no token and every other one the ID token; the problem types are the API's own. Real
 * answers are held to the document's schemas by {@link RouteSweepTest}.
 */
class OpenApiContractTest {
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.project();

  @Test
  void documentsEveryRouteOfTheTemplateAndNothingElse() {
    TreeSet<String> template = new TreeSet<>(TemplateRoutes.all().stream().map(TemplateRoutes.HttpRoute::routeKey).toList());
    TreeSet<String> documented = new TreeSet<>(DOCUMENT.routeKeys());
    TreeSet<String> missing = new TreeSet<>(template);
    missing.removeAll(documented);
    TreeSet<String> extra = new TreeSet<>(documented);
    extra.removeAll(template);
    System.out.printf("OpenAPI: %d operations documented, %d routes in template.yaml, %d missing, %d extra%n", documented.size(),
        template.size(), missing.size(), extra.size());
    assertEquals(List.of(), List.copyOf(missing), "routes of template.yaml missing from docs/openapi.yaml");
    assertEquals(List.of(), List.copyOf(extra), "operations in docs/openapi.yaml that template.yaml does not route");
    assertEquals("3.1.0", DOCUMENT.root().path("openapi").asText());
  }

  @Test
  void eachOperationStatesTheRoutesPermissionAndTokenAsItsHandlerDeclaresThem() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    Map<String, ApiHandler> handlers = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (TemplateRoutes.HttpRoute http : TemplateRoutes.all()) {
      Route route = handlers.computeIfAbsent(http.handlerName(), name -> TemplateRoutes.construct(name, env)).routes()
          .find(http.routeKey()).orElseThrow();
      JsonNode op = DOCUMENT.operation(http.routeKey()).orElseThrow();
      if (!op.path("x-permission").asText().equals(route.access().name())) {
        wrong.add(http.routeKey() + ": x-permission " + op.path("x-permission").asText() + ", the route declares " + route.access());
      }
      if (route.access() != Access.PUBLIC && op.path("x-before-mfa").asBoolean(false) != route.allowedBeforeMfa()) {
        wrong.add(http.routeKey() + ": x-before-mfa " + op.path("x-before-mfa") + ", the route says " + route.allowedBeforeMfa());
      }
      boolean tokenless = op.path("security").isArray() && op.path("security").isEmpty();
      if (tokenless != (route.access() == Access.PUBLIC)) {
        wrong.add(http.routeKey() + ": security " + op.path("security") + " for a " + route.access() + " route");
      }
      if (!op.path("responses").has("4XX") || !op.path("responses").has("500") || !op.path("responses").has("503")) {
        wrong.add(http.routeKey() + ": its refusals (4XX problem), 500 and 503 (an outage) are not documented");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theProblemTypesAreTheApisOwn() {
    List<String> documented = new ArrayList<>();
    DOCUMENT.root().at("/components/schemas/Problem/properties/type/enum").forEach(t -> documented.add(t.asText()));
    assertEquals(Arrays.stream(ProblemType.values()).map(ProblemType::uri).sorted().toList(), documented.stream().sorted().toList());
    assertTrue(DOCUMENT.check("GET /health", 404, Optional.of("application/problem+json"),
        "{\"type\":\"urn:klantportaal:problem:not-found\"}").size() > 0, "a problem without title, status, detail, instance breaks the schema");
    assertTrue(DOCUMENT.check("GET /health", 404, Optional.of("application/problem+json"),
        "{\"type\":\"urn:klantportaal:problem:no-such-type\",\"title\":\"t\",\"status\":404,\"detail\":\"d\",\"instance\":"
            + "\"urn:klantportaal:request:r\"}").size() > 0, "a type the API does not have breaks the schema");
    assertEquals(List.of(), DOCUMENT.check("GET /health", 404, Optional.of("application/problem+json"),
        "{\"type\":\"urn:klantportaal:problem:not-found\",\"title\":\"t\",\"status\":404,\"detail\":\"d\",\"instance\":"
            + "\"urn:klantportaal:request:r\"}"), "a well-formed problem holds");
    assertTrue(DOCUMENT.check("GET /health", 200, Optional.of("application/json"), "{\"status\":1}").size() > 0,
        "a success body is held to its schema too");
  }
}
