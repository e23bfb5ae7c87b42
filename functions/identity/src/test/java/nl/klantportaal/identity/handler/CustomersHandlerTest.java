package nl.klantportaal.identity.handler;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fixtures from events/identity/customers through the handler, on DynamoDB Local with template.yaml's table. */
class CustomersHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private KernelWiring wiring;
  private CustomersHandler handler;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(NOW, ZoneOffset.UTC));
    handler = new CustomersHandler(wiring);
    IdentityWiring.of(wiring).customers().create(new Customer(new TenantId("acme-fixture"),
        new CustomerDetails("Acme", List.of("acme.example.test"), SlaTier.KOPER, Language.NL, Optional.empty()),
        NOW, NOW, 1));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("customers"));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("identity/customers/" + fixture));
  }

  private List<Map<String, AttributeValue>> customerItems() {
    var client = wiring.table().client();
    return StreamSupport.stream(client.queryPaginator(r -> r.tableName(wiring.table().name()).indexName("GSI1")
        .keyConditionExpression("GSI1PK = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CUSTOMERS"))))
        .items().spliterator(), false).toList();
  }

  @Test
  void aProviderAdminCreatesACustomer() {
    var response = call("create-without-idempotency-key.json");
    assertEquals(201, response.getStatusCode());
    JsonNode body = HttpEvents.json(response);
    assertTrue(body.get("id").asText().startsWith("bakkerij-de-korenschoof-"), body.toString());
    assertEquals("/customers/" + body.get("id").asText(), response.getHeaders().get("location"));
    assertEquals("koper", body.get("slaTier").asText());
    assertEquals("nl", body.get("language").asText());
    assertEquals(1, body.get("version").asLong());
    assertEquals(NOW.toString(), body.get("createdAt").asText());
    // The id ends in a random suffix the portal chose: only known from the answer.
    assertEquals(200, call(HttpEvents.withPathParameter(Lambda.httpEvent("identity/customers/get-as-provider-agent.json"),
        "customerId", body.get("id").asText())).getStatusCode());
  }

  @Test
  void aBase64BodyIsDecoded() {
    var response = call("create-base64-body.json");
    assertEquals(201, response.getStatusCode());
    assertEquals("Tandartspraktijk Überlaan", HttpEvents.json(response).get("name").asText());
    assertEquals("de", HttpEvents.json(response).get("language").asText());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndNoSecondCustomer() {
    var first = call("create.json");
    var retry = call("create.json");
    assertEquals(201, first.getStatusCode());
    assertEquals(first.getBody(), retry.getBody());
    assertEquals(first.getHeaders().get("location"), retry.getHeaders().get("location"));
    assertEquals(2, customerItems().size(), "the fixture customer and one new customer");
  }

  @Test
  void fiftyParallelCreatesWithOneKeyMakeOneCustomer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return call("create.json");
        }));
      }
      start.countDown();
      Set<String> bodies = new HashSet<>();
      for (var answer : answers) {
        var response = answer.get();
        assertEquals(201, response.getStatusCode(), response.getBody());
        bodies.add(response.getBody());
      }
      assertEquals(1, bodies.size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, customerItems().size());
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    assertEquals(201, call("create.json").getStatusCode());
    var response = call("create-reused-idempotency-key.json");
    assertEquals(422, response.getStatusCode());
    assertEquals("idempotency-key-reused", HttpEvents.problemType(response));
  }

  @org.junit.jupiter.api.Test
  void aCustomersOwnPeopleReadTheirOrganisation() {
    var response = call("get-as-customer-user.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals("acme-fixture", HttpEvents.json(response).get("id").asText());
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "create-as-provider-agent.json, 403, forbidden",
      "create-as-customer-admin.json, 403, forbidden",
      "create-pending.json, 403, forbidden",
      "create-without-mfa.json, 403, mfa-required",
      "create-without-token.json, 401, unauthenticated",
      "list-as-customer-admin.json, 403, forbidden",
      "get-foreign-as-customer-user.json, 404, not-found",
      "get-unknown.json, 404, not-found",
      "create-malformed-json.json, 400, malformed-json",
      "create-wrong-types.json, 400, validation-failed",
      "create-unknown-field.json, 400, validation-failed",
      "create-unknown-enum.json, 400, validation-failed",
      "create-oversize-name.json, 400, validation-failed",
      "create-missing-name.json, 400, validation-failed",
      "create-form-encoded.json, 415, unsupported-media-type",
      "create-too-large.json, 413, payload-too-large",
      "list-bad-limit.json, 400, invalid-parameter",
      "list-arabic-indic-limit.json, 400, invalid-parameter",
      "update-without-version.json, 400, validation-failed",
      "update-stale-version.json, 409, version-conflict",
  })
  void refusalsAreProblemsAndWriteNothing(String fixture, int status, String type) {
    var response = call(fixture);
    HttpEvents.assertProblem(response, status, type);
    assertEquals(1, customerItems().size(), "only the fixture customer");
    assertEquals(1, IdentityWiring.of(wiring).customers().find(new TenantId("acme-fixture")).orElseThrow().version());
  }

  @Test
  void fieldErrorsNameEachField() {
    JsonNode errors = HttpEvents.json(call("create-unknown-enum.json")).get("errors");
    assertEquals("slaTier", errors.get(0).get("field").asText());
    assertTrue(errors.get(0).get("message").asText().contains("koper"));
    assertEquals("language", errors.get(1).get("field").asText());
    assertEquals("name", HttpEvents.json(call("create-wrong-types.json")).get("errors").get(0).get("field").asText());
    assertEquals("isAdmin", HttpEvents.json(call("create-unknown-field.json")).get("errors").get(0).get("field").asText());
    JsonNode oversize = HttpEvents.json(call("create-oversize-name.json")).get("errors");
    assertEquals("name", oversize.get(0).get("field").asText());
    assertEquals("emailDomains[0]", oversize.get(1).get("field").asText());
  }

  @Test
  void problemTitlesFollowAcceptLanguage() {
    assertEquals("Nicht gefunden", HttpEvents.json(call("get-unknown-in-german.json")).get("title").asText());
    assertEquals("Niet gevonden", HttpEvents.json(call("get-unknown.json")).get("title").asText());
  }

  @Test
  void updateWithTheReadVersionSucceedsOnceAndMovesDomains() {
    var response = call("update.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals(2, HttpEvents.json(response).get("version").asLong());
    assertEquals("goud", HttpEvents.json(response).get("slaTier").asText());
    assertEquals(Optional.of(new TenantId("acme-fixture")), IdentityWiring.of(wiring).customers().findByDomain("acme-installatie.example.test"));
    var again = call("update.json");
    assertEquals(409, again.getStatusCode());
    assertEquals("version-conflict", HttpEvents.problemType(again));
  }

  @Test
  void aDomainOfAnotherCustomerIsAConflict() {
    var response = call("create-taken-domain.json");
    assertEquals(409, response.getStatusCode());
    assertEquals("already-exists", HttpEvents.problemType(response));
    assertEquals(1, customerItems().size());
  }

  @Test
  void listsPageByPageWithCursorsThatCannotBeForged() {
    for (String fixture : List.of("create-bravo.json", "create-charlie.json", "create-delta.json", "create-echo.json")) {
      assertEquals(201, call(fixture).getStatusCode(), fixture);
    }
    List<String> names = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var event = Lambda.httpEvent("identity/customers/list-as-provider-agent.json");
      if (cursor.isPresent()) {
        // The cursor comes from the previous page's answer.
        HttpEvents.withQuery(event, "cursor", cursor.get());
      }
      JsonNode page = HttpEvents.json(call(event));
      page.get("items").forEach(item -> names.add(item.get("name").asText()));
      cursor = Optional.ofNullable(page.get("nextCursor")).map(JsonNode::asText);
    } while (cursor.isPresent());
    assertEquals(List.of("Acme", "Bravo", "Charlie", "Delta", "Echo"), names);

    String valid = HttpEvents.json(call("list-as-provider-agent.json")).get("nextCursor").asText();
    for (String forged : List.of(valid.substring(1), valid + "x")) {
      // Forged from a cursor this run was given: only known at run time.
      assertInvalidCursor(call(HttpEvents.withQuery(Lambda.httpEvent("identity/customers/list-as-provider-agent.json"),
          "cursor", forged)));
    }
    assertInvalidCursor(call("list-forged-cursor.json"));
    assertInvalidCursor(call("list-malformed-cursor.json"));
  }

  private static void assertInvalidCursor(APIGatewayV2HTTPResponse response) {
    assertEquals(400, response.getStatusCode(), response.getBody());
    assertEquals("invalid-cursor", HttpEvents.problemType(response));
  }

  @Test
  void aFailingTableIsA500WithTheRequestIdOnly() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    var broken = new CustomersHandler(TestEnvironment.forTable(dynamoDb, "no-such-table"));
    var response = broken.handleRequest(Lambda.httpEvent("identity/customers/get-as-provider-agent.json"),
        Lambda.context("customers"));
    assertEquals(500, response.getStatusCode());
    assertEquals("internal", HttpEvents.problemType(response));
    assertTrue(HttpEvents.json(response).get("detail").asText().contains("Jb5lUjZ7DoEEPkQ="));
    assertFalse(response.getBody().contains("no-such-table"), response.getBody());
    assertFalse(response.getBody().contains("ResourceNotFound"), response.getBody());
  }

  @Test
  void primingRunsEveryRouteThroughTheWholePathAndWritesNothing() {
    Map<String, Integer> statuses = handler.primeEveryRoute();
    assertEquals(handler.routes().all().size(), statuses.size(), statuses.toString());
    assertEquals(404, statuses.get("GET /customers/{customerId}"), "the priming caller reads a customer that does not exist");
    assertEquals(400, statuses.get("POST /customers"), "an empty body stops at validation");
    assertTrue(statuses.values().stream().allMatch(status -> status < 500), statuses.toString());
  }
}
