package nl.klantportaal.tickets.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
  }

  @Test
  void aProviderAdminAddsACategoryAndARequestTypeThatCustomersThenUse() {
    assertEquals(200, call("put-category.json").getStatusCode());
    assertEquals(200, call("put-request-type.json").getStatusCode());
    JsonNode catalogue = HttpEvents.json(call("get.json"));
    assertTrue(ids(catalogue.get("categories")).contains("backup"));
    assertTrue(ids(catalogue.get("requestTypes")).contains("restore-files"));
    var tickets = new TicketsHandler(wiring);
    var create = Lambda.httpEvent("tickets/tickets/create-restore-files-request.json");
    var created = tickets.handleRequest(create, Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody());
    assertEquals("none", HttpEvents.json(created).get("approval").asText(), "this type needs no approval");
  }

  private APIGatewayV2HTTPResponse createOnly(String fixture, String condition) {
    var event = Lambda.httpEvent("tickets/catalogue/" + fixture);
    var headers = new java.util.HashMap<>(event.getHeaders());
    headers.put("if-none-match", condition);
    event.setHeaders(headers);
    return handler.handleRequest(event, Lambda.context("catalogue"));
  }

  @Test
  void withIfNoneMatchAPutOnlyAddsANewIdAndNeverReplacesOne() {
    assertEquals(200, createOnly("put-category.json", "*").getStatusCode(), "a new id is taken");
    var again = createOnly("put-category.json", "*");
    HttpEvents.assertProblem(again, 409, "already-exists");
    assertTrue(HttpEvents.json(again).get("detail").asText().contains("'backup'"), again.getBody());
    assertEquals(200, call("put-category.json").getStatusCode(), "without the condition a PUT replaces (an edit)");

    // a shipped entry counts as existing too, though nothing is stored under its id yet
    var shipped = Lambda.httpEvent("tickets/catalogue/put-category.json");
    shipped = HttpEvents.withPathParameter(shipped, "categoryId", "workplace");
    var headers = new java.util.HashMap<>(shipped.getHeaders());
    headers.put("if-none-match", "*");
    shipped.setHeaders(headers);
    HttpEvents.assertProblem(handler.handleRequest(shipped, Lambda.context("catalogue")), 409, "already-exists");
    assertEquals("Werkplek en laptop", HttpEvents.json(call("get.json")).get("categories").get(0).get("name").get("nl").asText(),
        "the shipped category is unchanged");

    assertEquals(200, createOnly("put-request-type.json", "*").getStatusCode());
    HttpEvents.assertProblem(createOnly("put-request-type.json", "*"), 409, "already-exists");
    HttpEvents.assertProblem(createOnly("put-request-type.json", "\"v1\""), 400, "invalid-parameter");
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
