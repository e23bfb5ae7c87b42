package nl.klantportaal.tickets.handler;

import nl.klantportaal.sla.handler.DueEventsHandler;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.sla.wiring.SlaWiring;
import static nl.klantportaal.tickets.handler.TicketFixtures.ACME;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.klantportaal.testing.HttpEvents.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fixtures from events/tickets/tickets through the handler, on DynamoDB Local with template.yaml's table.
 * A fresh table numbers the customer's tickets acme-fixture-1, -2, …: the fixtures aim at those ids.
 */
class TicketsHandlerTest {
  private MovableClock clock;
  private KernelWiring wiring;
  private TicketsHandler handler;
  /** Off where requests run at once: the idempotency wait is measured with this clock too. */
  private volatile boolean ticking = true;

  @BeforeEach
  void freshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    handler = new TicketsHandler(wiring);
  }

  /** Each request a second after the previous one, so the conversation has an order. */
  private APIGatewayV2HTTPResponse call(String fixture) {
    if (ticking) {
      clock.advance(Duration.ofSeconds(1));
    }
    return handler.handleRequest(Lambda.httpEvent("tickets/tickets/" + fixture), Lambda.context("tickets"));
  }

  private JsonNode created(String fixture) {
    var response = call(fixture);
    assertEquals(201, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response);
  }

  private List<Map<String, AttributeValue>> headersOfAcme() {
    var client = wiring.table().client();
    return StreamSupport.stream(client.queryPaginator(r -> r.tableName(wiring.table().name()).indexName("GSI2")
        .keyConditionExpression("GSI2PK = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#acme-fixture#TICKETS"))))
        .items().spliterator(), false).toList();
  }

  private List<String> ids(APIGatewayV2HTTPResponse response) {
    assertEquals(200, response.getStatusCode(), response.getBody());
    List<String> ids = new ArrayList<>();
    HttpEvents.json(response).get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void aCustomerRaisesAnIncidentNumberedPerCustomer() {
    JsonNode first = created("create-incident.json");
    assertEquals("acme-fixture-1", first.get("id").asText());
    assertEquals("new", first.get("status").asText());
    assertEquals("high", first.get("priority").asText());
    assertEquals("portal", first.get("source").asText());
    assertEquals(TicketFixtures.JAN.value(), first.get("reporter").get("id").asText());
    assertEquals("Jan", first.get("reporter").get("name").asText());
    assertFalse(first.has("assigneeId"), "customers do not see the assignee field");
    assertEquals(1, first.get("version").asLong());
    JsonNode second = created("create-with-involved.json");
    assertEquals("acme-fixture-2", second.get("id").asText());
    assertEquals(TicketFixtures.PIET.value(), second.get("involved").get(0).asText());
  }

  @Test
  void aTitleIsOneLineAndADescriptionKeepsItsIndentationAndBlankLines() {
    var event = Lambda.httpEvent("tickets/tickets/create-incident.json");
    String description = "    $ outlook.exe /safe\n\nGeeft:\n\n  - profiel kan niet geladen worden";
    event.setBody("{\"type\": \"incident\", \"category\": \"email\", \"priority\": \"high\", "
        + "\"title\": \" Outlook\\r\\nstart niet op \", \"description\": \"\\n" + description.replace("\n", "\\n") + "\\n\\n\"}");
    var response = handler.handleRequest(event, Lambda.context("tickets"));
    assertEquals(201, response.getStatusCode(), response.getBody());
    JsonNode ticket = HttpEvents.json(response);
    assertEquals("Outlook start niet op", ticket.get("title").asText());
    assertEquals(description, ticket.get("description").asText());
  }

  @Test
  void fiftyParallelCreatesWithOneIdempotencyKeyMakeOneTicket() throws Exception {
    ticking = false;
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return call("create-incident.json");
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
    assertEquals(1, headersOfAcme().size());
  }

  /** The number is an atomic ADD taken alongside the create's reads: twenty at once get 1 to 20, each once. */
  @Test
  void twentyParallelCreatesTakeTheNumbersOneToTwentyEachOnce() throws Exception {
    ticking = false;
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        String key = "parallel-" + i;
        answers.add(pool.submit(() -> {
          start.await();
          var event = Lambda.httpEvent("tickets/tickets/create-incident.json");
          var headers = new java.util.HashMap<>(event.getHeaders());
          headers.put("idempotency-key", key);
          event.setHeaders(headers);
          return handler.handleRequest(event, Lambda.context("tickets"));
        }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (var answer : answers) {
        var response = answer.get();
        assertEquals(201, response.getStatusCode(), response.getBody());
        ids.add(HttpEvents.json(response).get("id").asText());
      }
      Set<String> expected = new HashSet<>();
      for (int n = 1; n <= 20; n++) {
        expected.add("acme-fixture-" + n);
      }
      assertEquals(expected, ids);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(20, headersOfAcme().size());
    assertEquals("acme-fixture-21", HttpEvents.json(call("create-incident-without-idempotency-key.json")).get("id").asText(),
        "the counter stands at 20 afterwards");
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "create-invalid.json, 400, validation-failed",
      "create-lone-surrogate.json, 400, validation-failed",
      "create-source-as-customer.json, 400, validation-failed",
      "create-service-request-bad-answers.json, 400, validation-failed",
      "list-organisation-as-customer-user.json, 403, forbidden",
      "list-status-as-customer.json, 403, forbidden",
      "list-unknown-view.json, 400, invalid-parameter",
      "get.json, 404, not-found",
      "get-malformed-id.json, 404, not-found",
  })
  void refusalsAreProblemsAndWriteNothing(String fixture, int status, String type) {
    assertProblem(call(fixture), status, type);
    assertEquals(0, headersOfAcme().size());
  }

  @Test
  void fieldErrorsNameEachFieldAndEachAnswer() {
    JsonNode errors = HttpEvents.json(call("create-invalid.json")).get("errors");
    List<String> fields = new ArrayList<>();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("priority", "title", "category"), fields);
    List<String> answers = new ArrayList<>();
    HttpEvents.json(call("create-service-request-bad-answers.json")).get("errors").forEach(e -> answers.add(e.get("field").asText()));
    assertTrue(answers.containsAll(List.of("answers.colour", "answers.requestKind", "answers.name", "answers.urgency")), answers.toString());
  }

  @Test
  void staffQueuesShowEachOpenTicketsNextSlaDeadlineAndCustomersListsDoNot() {
    JsonNode ticket = created("create-incident.json"); // high, Koper: respond within its hours, 24x7 or business hours
    JsonNode response = HttpEvents.json(call("get-as-agent.json")).get("sla").get("response");
    JsonNode item = HttpEvents.json(call("list-status-as-agent.json")).get("items").get(0);
    assertEquals(ticket.get("id").asText(), item.get("id").asText());
    JsonNode next = item.get("nextDeadline");
    assertEquals("response", next.get("target").asText(), item.toString());
    assertEquals(response.get("dueAt").asText(), next.get("dueAt").asText(), "the nearest target's deadline: " + response);
    assertEquals(response.get("state").asText(), next.get("state").asText());
    assertFalse(HttpEvents.json(call("list-mine.json")).get("items").get(0).has("nextDeadline"),
        "customers' lists carry no SLA columns");
  }

  @Test
  void viewsAreKeyedPerRoleAndAnotherCustomersTicketIs404() {
    created("create-incident.json");              // acme-fixture-1, Jan alone
    created("create-with-involved.json");         // acme-fixture-2, Piet involved
    assertEquals(List.of("acme-fixture-2", "acme-fixture-1"), ids(call("list-mine.json")));
    assertEquals(List.of("acme-fixture-2"), ids(call("list-shared.json")));
    assertEquals(List.of("acme-fixture-2", "acme-fixture-1"), ids(call("list-organisation.json")));
    assertEquals(List.of("acme-fixture-2", "acme-fixture-1"), ids(call("list-status-as-agent.json")), "last updated first");
    assertEquals(List.of("acme-fixture-1", "acme-fixture-2"), ids(call("list-status-oldest-first-as-agent.json")),
        "oldest first");
    assertEquals(1, ids(call("list-mine-limit-1.json")).size());
    assertEquals(200, call("get-second-ticket.json").getStatusCode());
    assertProblem(call("get-as-foreign-customer.json"), 404, "not-found");
    assertProblem(call("get-as-uninvolved-colleague.json"), 404, "not-found");
  }

  @Test
  void staffFilterByPriorityWithinACustomerAndTheirOwnQueue() {
    created("create-incident.json");                                  // acme-fixture-1, high
    created("create-incident-normal.json");                           // acme-fixture-2, normal
    assertEquals(List.of("acme-fixture-1"), ids(call("list-customer-high-as-agent.json")));
    assertEquals(List.of(), ids(call("list-assignee-me.json")));
    assertEquals(200, call("triage-second-ticket.json").getStatusCode());
    assertEquals(List.of("acme-fixture-2"), ids(call("list-assignee-me.json")));
    JsonNode triaged = HttpEvents.json(call("get-second-ticket-as-agent.json"));
    assertEquals("critical", triaged.get("ticket").get("priority").asText());
    assertEquals(TicketFixtures.AGENT.value(), triaged.get("ticket").get("assigneeId").asText());
    assertProblem(call("triage-as-customer.json"), 403, "forbidden");
  }

  @Test
  void internalNotesNeverReachTheCustomer() {
    created("create-incident.json");
    assertEquals(201, call("reply-as-agent.json").getStatusCode());
    assertEquals(201, call("note-as-agent.json").getStatusCode());
    assertEquals(201, call("reply.json").getStatusCode());
    assertProblem(call("note-as-customer.json"), 403, "forbidden");
    var customerView = call("get.json");
    assertFalse(customerView.getBody().contains("Intern: licentie"), customerView.getBody());
    JsonNode customer = HttpEvents.json(customerView);
    assertEquals(2, customer.get("messages").size());
    assertFalse(customer.has("audit"));
    assertEquals("open", customer.get("ticket").get("status").asText(), "the agent's first reply opened it");
    JsonNode staff = HttpEvents.json(call("get-as-agent.json"));
    assertEquals(3, staff.get("messages").size());
    assertTrue(staff.get("messages").get(1).get("internal").asBoolean());
    List<String> actions = new ArrayList<>();
    staff.get("audit").forEach(a -> actions.add(a.get("action").asText()));
    assertEquals(List.of("created", "public-reply", "internal-note", "public-reply"), actions);
  }

  @Test
  void resolveThenAcceptClosesAndAClosedTicketOnlyTakesAFollowUp() {
    created("create-incident.json");
    JsonNode resolved = HttpEvents.json(call("transition.json"));
    assertEquals("resolved", resolved.get("status").asText());
    assertEquals(2, resolved.get("version").asLong());
    JsonNode closed = HttpEvents.json(call("transition-as-customer.json"));
    assertEquals("closed", closed.get("status").asText());
    assertProblem(call("reply.json"), 409, "illegal-state");
    assertEquals("acme-fixture-1", created("create-follow-up.json").get("followUpOf").asText());
    assertProblem(call("create-follow-up-of-open-ticket.json"), 409, "illegal-state");
  }

  @Test
  void rejectingASolutionNeedsAReasonAndReopens() {
    created("create-incident.json");
    call("transition.json");
    assertProblem(call("transition-reject-without-reason-as-customer.json"), 400, "validation-failed");
    assertEquals("open", HttpEvents.json(call("transition-reject-as-customer.json")).get("status").asText());
    JsonNode thread = HttpEvents.json(call("get.json"));
    assertEquals("Outlook start nog steeds niet.", thread.get("messages").get(1).get("body").asText());
  }

  @ParameterizedTest(name = "{0} on a new ticket → {1} {2}")
  @CsvSource({
      "transition-accept-as-customer-version-1.json, 409, illegal-state",
      "transition-reject-as-customer-version-1.json, 409, illegal-state",
      "transition-resume.json, 409, illegal-state",
      "transition-resolve-as-customer.json, 403, forbidden",
      "transition-accept-as-agent.json, 403, forbidden",
      "transition-unknown-action.json, 400, validation-failed",
  })
  void illegalTransitionsAreRefused(String fixture, int status, String type) {
    created("create-incident.json");
    assertProblem(call(fixture), status, type);
    assertEquals(1, SlaWiring.of(wiring).tickets().find(nl.klantportaal.ticketing.domain.TicketRef.parse("acme-fixture-1").orElseThrow())
        .orElseThrow().version());
  }

  @Test
  void aStaleVersionIs409() {
    created("create-incident.json");
    assertEquals(200, call("transition.json").getStatusCode());
    assertProblem(call("triage.json"), 409, "version-conflict");
  }

  @Test
  void serviceRequestsWaitForTheCustomerAdminsApproval() {
    JsonNode request = created("create-service-request.json");
    assertEquals("pending", request.get("approval").asText());
    assertEquals("private", request.get("answers").get("visibility").asText());
    assertEquals(List.of("acme-fixture-1"), ids(call("list-approvals.json")));
    assertProblem(call("transition-open-version-1.json"), 409, "illegal-state");
    assertProblem(call("approval-as-customer-user.json"), 403, "forbidden");
    JsonNode approved = HttpEvents.json(call("approval.json"));
    assertEquals("approved", approved.get("approval").asText());
    assertEquals(List.of(), ids(call("list-approvals.json")));
    assertEquals("open", HttpEvents.json(call("transition-open-version-2.json")).get("status").asText());
  }

  @Test
  void aRequestRaisedByACustomerAdminIsApprovedByRaisingItAndWaitsForNobody() {
    JsonNode request = created("create-extra-hours-as-customer-admin.json");
    assertEquals("approved", request.get("approval").asText(), "the admin is who would approve it");
    assertEquals("10", request.get("answers").get("hours").asText());
    assertEquals(List.of(), ids(call("list-approvals.json")), "nothing waits for approval");
    assertProblem(call("approval.json"), 409, "illegal-state");
    assertEquals("open", HttpEvents.json(call("transition-open-version-1.json")).get("status").asText(),
        "the provider may start at once");
  }

  @Test
  void aCustomerAdminRejectsAServiceRequestWhichClosesItWithTheReason() {
    created("create-service-request.json");
    JsonNode rejected = HttpEvents.json(call("approval-reject.json"));
    assertEquals("rejected", rejected.get("approval").asText());
    assertEquals("closed", rejected.get("status").asText());
    assertEquals(2, rejected.get("version").asLong());
    assertEquals(List.of(), ids(call("list-approvals.json")));
    assertProblem(call("approval-reject-version-2.json"), 409, "illegal-state");
  }

  @Test
  void anAgentRaisesATicketOnBehalfOfACustomer() {
    JsonNode ticket = created("create-as-agent.json");
    assertEquals("phone", ticket.get("source").asText());
    assertEquals(TicketFixtures.JAN.value(), ticket.get("reporter").get("id").asText());
    assertEquals(List.of("acme-fixture-1"), ids(call("list-mine.json")));
  }

  @Test
  void theReporterInvolvesAColleagueWhoThenSeesIt() {
    created("create-incident.json");
    assertEquals(List.of(), ids(call("list-shared.json")));
    JsonNode changed = HttpEvents.json(call("involved.json"));
    assertEquals(TicketFixtures.PIET.value(), changed.get("involved").get(0).asText());
    assertEquals(List.of("acme-fixture-1"), ids(call("list-shared.json")));
    assertProblem(call("involved-foreign-customer.json"), 400, "validation-failed");
  }

  @Test
  void resolvedTicketsCloseByThemselvesAfterTheConfiguredDays() {
    created("create-incident.json");
    call("transition.json");
    var autoClose = new DueEventsHandler(wiring, new RecordingMailSender());
    clock.advance(Duration.ofDays(6));
    assertEquals(0, autoClosed(autoClose));
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertEquals(1, autoClosed(autoClose));
    assertEquals(0, autoClosed(autoClose), "the due entry is gone");
    JsonNode closed = HttpEvents.json(call("get-as-agent.json"));
    assertEquals("closed", closed.get("ticket").get("status").asText());
    JsonNode last = closed.get("audit").get(closed.get("audit").size() - 1);
    assertEquals("auto-close", last.get("action").asText());
    assertEquals("system", last.get("actorId").asText());
  }

  @Test
  void aRejectedSolutionIsNotAutoClosed() {
    created("create-incident.json");
    call("transition.json");
    assertEquals(200, call("transition-reject-as-customer.json").getStatusCode());
    clock.advance(Duration.ofDays(30));
    assertEquals(0, autoClosed(new DueEventsHandler(wiring, new RecordingMailSender())));
  }

  @SuppressWarnings("unchecked")
  private static int autoClosed(DueEventsHandler scan) {
    var answer = scan.handleRequest(Map.of(), Lambda.context("due-events"));
    return ((Map<String, Integer>) answer.get("fired")).getOrDefault("AUTO_CLOSE", 0);
  }
}
