package nl.klantportaal.tickets.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixtures from events/tickets/catalogue through the handler, on DynamoDB Local. */
class CatalogueHandlerTest {
  private KernelWiring wiring;
  private CatalogueHandler handler;

  @BeforeEach
  void freshTable() {
    wiring = TicketFixtures.freshWiring(java.time.Clock.fixed(TicketFixtures.NOW, java.time.ZoneOffset.UTC));
    handler = new CatalogueHandler(wiring);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("tickets/catalogue/" + fixture), Lambda.context("catalogue"));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void customersReadTheShippedCatalogueInThreeLanguages() {
    JsonNode catalogue = HttpEvents.json(call("get.json"));
    assertEquals(List.of("teams-team-or-channel", "user-add-or-change", "access-request", "extra-hours", "new-subscription",
        "change-subscription"),
        ids(catalogue.get("requestTypes")));
    JsonNode teams = catalogue.get("requestTypes").get(0);
    assertEquals("Teams-team of -kanaal aanmaken", teams.get("name").get("nl").asText());
    assertEquals("Teams-Team oder -Kanal anlegen", teams.get("name").get("de").asText());
    assertTrue(teams.get("approvalRequired").asBoolean());
    assertEquals("choice", teams.get("form").get("fields").get(0).get("kind").asText());
    assertEquals(0, teams.get("version").asLong(), "a shipped entry never stored is at version 0");
    assertEquals(0, catalogue.get("categories").get(0).get("version").asLong());
  }

  @Test
  void aProviderAdminAddsACategoryAndARequestTypeThatCustomersThenUse() {
    assertEquals(1, HttpEvents.ok(call("put-category.json")).get("version").asLong(), "the new id stored at version 1");
    assertEquals(1, HttpEvents.ok(call("put-request-type.json")).get("version").asLong());
    JsonNode catalogue = HttpEvents.json(call("get.json"));
    assertTrue(ids(catalogue.get("categories")).contains("backup"));
    assertTrue(ids(catalogue.get("requestTypes")).contains("restore-files"));
    var tickets = new TicketsHandler(wiring);
    var create = Lambda.httpEvent("tickets/tickets/create-restore-files-request.json");
    var created = tickets.handleRequest(create, Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody());
    assertEquals("none", HttpEvents.json(created).get("approval").asText(), "this type needs no approval");
  }

  /** The fixture with {@code version} set to {@code version}, or without it ({@code null}), for {@code id}. */
  private static APIGatewayV2HTTPEvent event(String fixture, String parameter, String id, Long version, String nl) {
    var event = HttpEvents.withPathParameter(Lambda.httpEvent("tickets/catalogue/" + fixture), parameter, id);
    return HttpEvents.withVersion(event, version, body -> {
      if (nl != null) {
        ((ObjectNode) body.get("name")).put("nl", nl);
      }
    });
  }

  private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("catalogue"));
  }

  private APIGatewayV2HTTPResponse createOnly(String fixture, String condition) {
    var event = Lambda.httpEvent("tickets/catalogue/" + fixture);
    return send(withIfNoneMatch(event, condition));
  }

  private static APIGatewayV2HTTPEvent withIfNoneMatch(APIGatewayV2HTTPEvent event, String condition) {
    var headers = new java.util.HashMap<>(event.getHeaders());
    headers.put("if-none-match", condition);
    event.setHeaders(headers);
    return event;
  }

  private JsonNode category(String id) {
    for (JsonNode c : HttpEvents.json(call("get.json")).get("categories")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no category " + id);
  }

  private List<String> audited(String kind, String id) {
    return wiring.auditTrail().ofObject(new AuditObject(kind, id), PageRequest.first(20)).items().stream()
        .map(e -> e.action() + " v" + e.details().get("version")).toList();
  }

  @Test
  void withIfNoneMatchAPutOnlyAddsANewIdAndNeverReplacesOne() {
    assertEquals(200, createOnly("put-category.json", "*").getStatusCode(), "a new id is taken");
    var again = createOnly("put-category.json", "*");
    HttpEvents.assertProblem(again, 409, "already-exists");
    assertTrue(HttpEvents.json(again).get("detail").asText().contains("'backup'"), again.getBody());
    assertEquals(2, HttpEvents.ok(send(event("put-category.json", "categoryId", "backup", 1L, null))).get("version").asLong(),
        "without the condition a PUT is an edit on the version read");

    // a shipped entry counts as existing too, though nothing is stored under its id yet
    var shipped = withIfNoneMatch(event("put-category.json", "categoryId", "workplace", null, null), "*");
    HttpEvents.assertProblem(send(shipped), 409, "already-exists");
    assertEquals("Werkplek en laptop", category("workplace").get("name").get("nl").asText(), "the shipped category is unchanged");

    // a create needs no version; one sent with it is 0 (the sample's), anything else is refused
    var versioned = send(withIfNoneMatch(event("put-category.json", "categoryId", "archive", 3L, null), "*"));
    HttpEvents.assertProblem(versioned, 400, "validation-failed");
    assertEquals("version", HttpEvents.json(versioned).get("errors").get(0).get("field").asText());
    assertEquals(1, HttpEvents.ok(send(withIfNoneMatch(event("put-category.json", "categoryId", "archive", null, null), "*")))
        .get("version").asLong());

    assertEquals(200, createOnly("put-request-type.json", "*").getStatusCode());
    HttpEvents.assertProblem(createOnly("put-request-type.json", "*"), 409, "already-exists");
    HttpEvents.assertProblem(createOnly("put-request-type.json", "\"v1\""), 400, "invalid-parameter");
  }

  @Test
  void anEditIsMadeOnTheVersionReadAndAStaleOneIsAVersionConflictThatChangesNothing() {
    // Anna and Bram both read the shipped category at version 0; Anna saves first
    assertEquals(0, category("workplace").get("version").asLong());
    JsonNode anna = HttpEvents.ok(send(event("put-category.json", "categoryId", "workplace", 0L, "Anna's werkplek")));
    assertEquals(1, anna.get("version").asLong(), "the answer names the new version");
    var bram = send(event("put-category.json", "categoryId", "workplace", 0L, "Bram's werkplek"));
    HttpEvents.assertProblem(bram, 409, "version-conflict");
    assertTrue(HttpEvents.json(bram).get("detail").asText().contains("'workplace'"), bram.getBody());
    assertEquals("Anna's werkplek", category("workplace").get("name").get("nl").asText(), "Bram's save changed nothing");
    assertEquals(1, category("workplace").get("version").asLong());
    assertEquals(List.of("category-saved v1"), audited("category", "workplace"), "nor was it audited");

    // Bram reads it again and saves on version 1
    assertEquals(2, HttpEvents.ok(send(event("put-category.json", "categoryId", "workplace", 1L, "Bram's werkplek")))
        .get("version").asLong());
    assertEquals("Bram's werkplek", category("workplace").get("name").get("nl").asText());
    HttpEvents.assertProblem(send(event("put-category.json", "categoryId", "workplace", 7L, "Later")), 409, "version-conflict");
    HttpEvents.assertProblem(send(event("put-category.json", "categoryId", "never-stored", 1L, "Nooit")), 409,
        "version-conflict");

    // a request type the same way
    assertEquals(1, HttpEvents.ok(call("put-request-type.json")).get("version").asLong());
    HttpEvents.assertProblem(call("put-request-type.json"), 409, "version-conflict");
    assertEquals(2, HttpEvents.ok(send(event("put-request-type.json", "requestTypeId", "restore-files", 1L, "Terugzetten")))
        .get("version").asLong());
    assertEquals(List.of("request-type-saved v1", "request-type-saved v2"),
        audited("request-type", "restore-files").stream().sorted().toList());
  }

  @Test
  void anEditWithoutAVersionIsRefusedAndNeverReplacesBlindly() {
    var missing = send(event("put-category.json", "categoryId", "workplace", null, "Blind"));
    HttpEvents.assertProblem(missing, 400, "validation-failed");
    JsonNode error = HttpEvents.json(missing).get("errors").get(0);
    assertEquals("version", error.get("field").asText());
    assertEquals("required", error.get("code").asText());
    HttpEvents.assertProblem(send(event("put-request-type.json", "requestTypeId", "restore-files", null, null)), 400,
        "validation-failed");
    assertEquals("Werkplek en laptop", category("workplace").get("name").get("nl").asText());
    assertEquals(List.of(), audited("category", "workplace"));
  }

  @Test
  void onlyProviderAdminsChangeItAndEveryFieldIsChecked() {
    var agent = call("put-category-as-agent.json");
    assertEquals(403, agent.getStatusCode());
    var invalid = call("put-request-type-invalid.json");
    assertEquals(400, invalid.getStatusCode());
    List<String> fields = new ArrayList<>();
    HttpEvents.json(invalid).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertTrue(fields.containsAll(List.of("name.en", "name.de", "description", "fields[0].name", "fields[0].kind")),
        fields.toString());
  }
}
