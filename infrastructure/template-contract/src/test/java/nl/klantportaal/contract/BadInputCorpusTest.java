package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.OpenApiDocument;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed requests against every HttpApi route of template.yaml (generated, so new
 * routes get it too), sent by a caller the route admits (provider admin for staff routes, customer
 * admin for customer routes): bodies that are not JSON, the wrong JSON types, a huge string, a huge
 * array, deep nesting, lone surrogates and control characters, wrong content types, path parameters
 * with traversal and oversized values, out-of-range and non-ASCII query parameters and forged
 * cursors. Every answer must be a 4xx problem+json without exception text; never a 5xx; and what
 * docs/openapi.yaml documents for the route (status, media type, schema). The figures are printed:
 * routes, requests, answers by status, violations.
 *
 * <p>In-process on DynamoDB Local, so routes that call Cognito with the body's access token are
 * judged only up to that call (their refusals are in IdentityFlowIT on cognito-local).
 */
class BadInputCorpusTest {
  private static final TenantId TENANT = new TenantId("corpus-acme");
  private static final UserId CUSTOMER_ADMIN = new UserId("c0c0c0c0-0000-4000-8000-00000000a002");
  private static final UserId PROVIDER_ADMIN = new UserId("c0c0c0c0-0000-4000-8000-00000000d002");
  private static final String HUGE = "x".repeat(300_000);

  /** Bodies: each sent as application/json unless it says otherwise. */
  private static final List<String> BODIES = List.of(
      "{", "[]", "null", "42", "\"text\"", "{\"a\":", "{}garbage", "{\"version\": \"one\", \"minutes\": \"many\", \"title\": 7}",
      "{\"title\": [1,2,3], \"description\": {\"x\": 1}, \"date\": true, \"price\": \"gratis\"}",
      "{\"description\": \"" + "\\ud800" + "\", \"title\": \"a\\u0000b\"}",
      "{\"title\": \"" + "é".repeat(70_000) + "\"}",
      "{\"involved\": [" + "\"x\",".repeat(20_000) + "\"x\"]}",
      "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
      "{\"minutes\": 1e309, \"quantity\": -1, \"unitPrice\": 1e-30, \"version\": 9223372036854775808}",
      "{\"date\": \"2026-02-30\", \"validFrom\": \"../../etc\", \"startDate\": \"2026-13-01\", \"from\": \"\"}",
      "{\"__proto__\": {\"admin\": true}, \"constructor\": 1}");

  private static final List<Map<String, String>> QUERIES = List.of(
      Map.of("limit", "0"), Map.of("limit", "1000000000000"), Map.of("limit", "-5"), Map.of("limit", "٣"),
      Map.of("cursor", "not-a-cursor"), Map.of("cursor", "eyJhbGciOiJub25lIn0.e30."), Map.of("from", "2026-02-30", "to", "yesterday"),
      Map.of("month", "2026-13"), Map.of("type", "<script>"), Map.of("ticket", "99999999999999"), Map.of("format", "../../etc/passwd"),
      Map.of("view", HUGE.substring(0, 5_000)), Map.of("status", "\u0000"));

  private static final List<String> PATH_VALUES = List.of("..", "../../etc/passwd", "%2e%2e%2f", HUGE.substring(0, 2_000), "\u0000",
      "акме", " ", "-1", "00000000-0000-0000-0000-000000000000");

  private static final OpenApiDocument DOCUMENT = OpenApiDocument.project();

  @Test
  void everyRouteAnswersMalformedRequestsWithA4xxProblemAndNeverA5xx() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC());
    seed(wiring);
    Map<String, ApiHandler> handlers = new HashMap<>();
    List<String> violations = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int routes = 0;
    int requests = 0;
    for (TemplateRoutes.HttpRoute http : TemplateRoutes.all()) {
      String handlerName = http.handlerName();
      String routeKey = http.routeKey();
      {
        ApiHandler handler = handlers.computeIfAbsent(handlerName, name -> TemplateRoutes.construct(name, env));
        Route route = handler.routes().find(routeKey).orElseThrow();
        routes++;
        Optional<Role> role = switch (route.access()) {
          case PUBLIC -> Optional.empty();
          case PROVIDER_STAFF, PROVIDER_ADMIN -> Optional.of(Role.PROVIDER_ADMIN);
          default -> Optional.of(Role.CUSTOMER_ADMIN);
        };
        List<APIGatewayV2HTTPEvent> corpus = new ArrayList<>();
        boolean hasBody = !routeKey.startsWith("GET ") && !routeKey.startsWith("DELETE ");
        if (hasBody) {
          for (String body : BODIES) {
            corpus.add(event(routeKey, Map.of(), role, body, "application/json"));
          }
          corpus.add(event(routeKey, Map.of(), role, "{}", "text/plain"));
          corpus.add(event(routeKey, Map.of(), role, "<a/>", "application/xml"));
          corpus.add(event(routeKey, Map.of(), role, "{}", "application/json; charset=ebcdic"));
        } else {
          for (Map<String, String> query : QUERIES) {
            corpus.add(event(routeKey, query, role, null, null));
          }
        }
        if (routeKey.contains("{")) {
          for (String value : PATH_VALUES) {
            corpus.add(withPathValue(event(routeKey, Map.of(), role, hasBody ? "{}" : null, "application/json"), value));
          }
        }
        for (APIGatewayV2HTTPEvent request : corpus) {
          @SuppressWarnings("unchecked")
          var answer = ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(request,
              Lambda.context("corpus"));
          requests++;
          int status = answer.getStatusCode();
          statuses.merge(status, 1, Integer::sum);
          String body = String.valueOf(answer.getBody());
          String what = routeKey + " with " + describe(request);
          if (status >= 500 && !TemplateRoutes.CALLS_COGNITO.contains(handlerName)) {
            violations.add("5xx: " + what + " → " + status + " " + abbreviate(body));
          }
          if (status >= 400 && !"application/problem+json".equals(answer.getHeaders().get("content-type"))) {
            violations.add("not problem+json: " + what + " → " + status);
          }
          if (body.contains("Exception") || body.contains("at nl.klantportaal") || body.contains("software.amazon")) {
            violations.add("internals in the answer: " + what + " → " + abbreviate(body));
          }
          Optional<String> contentType = Optional.ofNullable(answer.getHeaders()).map(h -> h.get("content-type"));
          DOCUMENT.check(routeKey, status, contentType, answer.getBody())
              .forEach(problem -> violations.add("not as docs/openapi.yaml says: " + abbreviate(problem) + " (" + describe(request) + ")"));
        }
      }
    }
    System.out.printf("Bad-input corpus: %d routes, %d requests, answers by status %s, %d violations%n", routes, requests, statuses,
        violations.size());
    assertEquals(List.of(), violations);
  }

  private static String describe(APIGatewayV2HTTPEvent request) {
    String body = request.getBody() == null ? "" : " body " + abbreviate(request.getBody());
    return "path " + abbreviate(request.getRawPath()) + (request.getQueryStringParameters() == null ? ""
        : " query " + abbreviate(String.valueOf(request.getQueryStringParameters()))) + body + " ("
        + request.getHeaders().getOrDefault("content-type", "-") + ")";
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
  }

  private static APIGatewayV2HTTPEvent withPathValue(APIGatewayV2HTTPEvent event, String value) {
    Map<String, String> params = new LinkedHashMap<>(event.getPathParameters());
    params.replaceAll((name, old) -> value);
    event.setPathParameters(params);
    event.setRawPath(event.getRawPath() + " [path parameters: " + value + "]");
    return event;
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> query, Optional<Role> role, String body,
                                             String contentType) {
    Optional<Map<String, String>> claims = role.map(r -> {
      Map<String, String> c = new HashMap<>(Map.of("sub", (r.isCustomer() ? CUSTOMER_ADMIN : PROVIDER_ADMIN).value(),
          "email", "corpus@example.test", "kp_role", r.wireName(), "kp_mfa", "true", "token_use", "id"));
      if (r.isCustomer()) {
        c.put("kp_tenant", TENANT.value());
      }
      return c;
    });
    return TemplateRoutes.event(routeKey, name -> switch (name) {
      case "customerId" -> TENANT.value();
      case "ticketId" -> TENANT.value() + "-1";
      default -> "x";
    }, query, claims, body, contentType);
  }

  private static void seed(KernelWiring wiring) {
    var now = java.time.Instant.now();
    var identity = IdentityWiring.of(wiring);
    identity.customers().create(new Customer(TENANT, new CustomerDetails("Corpus Acme", List.of("corpus-acme.example.test"), SlaTier.KOPER,
        Language.NL, Optional.empty()), now, now, 1));
    identity.users().createIfAbsent(new UserProfile(CUSTOMER_ADMIN, "admin@corpus-acme.example.test",
        new UserProfile.PersonName("Corpus", "Admin", "Corpus Admin"), Language.NL, new Membership.CustomerMember(TENANT, Role.CUSTOMER_ADMIN),
        true, AccountSettings.DEFAULT, now, now, 1));
    identity.users().createIfAbsent(new UserProfile(PROVIDER_ADMIN, "admin@provider.example.test",
        new UserProfile.PersonName("Provider", "Admin", "Provider Admin"), Language.NL, new Membership.ProviderStaff(Role.PROVIDER_ADMIN),
        true, AccountSettings.DEFAULT, now, now, 1));
  }
}
