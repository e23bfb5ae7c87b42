package nl.klantportaal.tickets.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /tickets?q=… (docs/tickets.md "Search") through the handler on DynamoDB Local with
 * template.yaml's table: by title words and by number, per role, within the view and its filters,
 * cursor-paged; the guard of every test fails any Scan.
 */
class TicketSearchHandlerTest {
  private MovableClock clock;
  private KernelWiring wiring;
  private TicketsHandler handler;

  @BeforeEach
  void freshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    handler = new TicketsHandler(wiring);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(fixture, Optional.empty());
  }

  /** Each request a second after the previous one, so tickets have an order of creation. */
  private APIGatewayV2HTTPResponse call(String fixture, Optional<String> cursor) {
    clock.advance(Duration.ofSeconds(1));
    APIGatewayV2HTTPEvent event = Lambda.httpEvent("tickets/tickets/" + fixture);
    cursor.ifPresent(c -> {
      Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
      query.put("cursor", c);
      event.setQueryStringParameters(query);
    });
    return handler.handleRequest(event, Lambda.context("tickets"));
  }

  private String created(String fixture) {
    var response = call(fixture);
    assertEquals(201, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response).get("id").asText();
  }

  private List<String> ids(APIGatewayV2HTTPResponse response) {
    assertEquals(200, response.getStatusCode(), response.getBody());
    List<String> ids = new ArrayList<>();
    HttpEvents.json(response).get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void wordsFindWhatTheCallerMaySeeAndNothingOfAnotherCustomer() {
    assertEquals("acme-fixture-1", created("search-create-printer-as-customer-user.json"));     // Jan, high
    assertEquals("acme-fixture-2", created("search-create-printer-as-colleague.json"));         // Piet, normal
    assertEquals("globex-fixture-1", created("search-create-printer-as-foreign-customer.json")); // Eve
    assertEquals("acme-fixture-3", created("create-with-involved.json"));                        // Jan: Outlook, Piet involved

    assertEquals(List.of("acme-fixture-1"), ids(call("search-mine-as-customer-user.json")),
        "a customer user: only what they reported, not a colleague's printer ticket");
    assertEquals(List.of("acme-fixture-3"), ids(call("search-shared-as-colleague.json")), "what they are involved in");
    assertEquals(List.of("acme-fixture-2", "acme-fixture-1"), ids(call("search-organisation-as-customer-admin.json")),
        "a customer admin: the organisation's, newest created first; 'printers' meets 'printer'");
    assertEquals(List.of("acme-fixture-1"), ids(call("search-multi-word-as-customer-admin.json")), "every word counts");
    assertEquals(List.of("globex-fixture-1", "acme-fixture-2", "acme-fixture-1"), ids(call("search-status-as-agent.json")),
        "staff: every customer's, from the staff-wide index");
    assertEquals(List.of("acme-fixture-1"), ids(call("search-customer-high-as-agent.json")), "one customer, priority high");

    var index = wiring.table().client().query(r -> r.tableName(wiring.table().name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TENANT#acme-fixture#WORD#printer"))));
    assertEquals(2, index.count(), "one index item per ticket and term, in the customer's own partition");
  }

  @Test
  void numbersAndTokensFindOneTicketWhenTheCallerMaySeeIt() {
    created("search-create-printer-as-customer-user.json");     // acme-fixture-1, Jan
    created("search-create-printer-as-colleague.json");         // acme-fixture-2, Piet
    created("search-create-printer-as-foreign-customer.json");  // globex-fixture-1
    assertEquals(List.of("acme-fixture-1"), ids(call("search-number-as-customer-user.json")));
    assertEquals(List.of(), ids(call("search-number-of-colleague-as-customer-user.json")),
        "a colleague's ticket the user is not involved in stays unseen");
    assertEquals(List.of("acme-fixture-1", "globex-fixture-1"), ids(call("search-number-as-agent.json")),
        "staff without a customer: number 1 of every customer, one keyed Query");
    assertEquals(List.of("acme-fixture-2"), ids(call("search-token-as-customer-admin.json")), "a token of the organisation");
    assertEquals(List.of(), ids(call("search-token-as-foreign-customer.json")),
        "another customer's token finds nothing: it is searched as words in the caller's own customer");
  }

  @Test
  void aSearchIsCursorPagedOverTheIndexAndTheCursorIsBoundToIt() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(created("search-create-password-as-customer-user.json"));
    }
    created("create-incident.json");
    List<String> found = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      JsonNode page = HttpEvents.json(call("search-paged-as-customer-user.json", cursor));
      assertTrue(page.get("items").size() <= 2, page.toString());
      page.get("items").forEach(i -> found.add(i.get("id").asText()));
      cursor = Optional.ofNullable(page.get("nextCursor")).filter(JsonNode::isTextual).map(JsonNode::asText);
      pages++;
      if (pages == 1) {
        assertTrue(cursor.isPresent());
        assertProblem(call("search-mine-as-customer-user.json", cursor), 400, "invalid-cursor");
      }
    } while (cursor.isPresent() && pages < 10);
    assertEquals(made.reversed(), found, "each ticket once, newest created first");
    assertTrue(pages >= 3, "five tickets two a page: " + pages);
  }

  @Test
  void aQueryOfStopWordsAloneIsRefused() {
    created("create-incident.json");
    var refused = call("search-stop-words-only.json");
    assertProblem(refused, 400, "invalid-parameter");
    assertTrue(HttpEvents.json(refused).get("detail").asText().contains("stop words"), refused.getBody());
  }
}
