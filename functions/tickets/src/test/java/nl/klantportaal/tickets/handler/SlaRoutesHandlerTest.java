package nl.klantportaal.tickets.handler;

import nl.klantportaal.sla.handler.DueEventsHandler;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.sla.handler.SlaHandler;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static nl.klantportaal.testing.HttpEvents.ok;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /sla and GET /sla/compliance from events/sla/sla through the handler, on DynamoDB Local. */
class SlaRoutesHandlerTest {
  private MovableClock clock;
  private KernelWiring wiring;
  private SlaHandler handler;

  @BeforeEach
  void freshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    handler = new SlaHandler(wiring);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("sla/sla/" + fixture), Lambda.context("sla"));
  }

  @Test
  void aCustomerReadsItsOwnTiersTableWithTheSeedsKoperHours() {
    JsonNode tiers = ok(call("get-table.json")).get("tiers");
    assertEquals(1, tiers.size(), "only the customer's own tier");
    assertEquals("koper", tiers.get(0).get("tier").asText());
    List<String> rows = new ArrayList<>();
    tiers.get(0).get("targets").forEach(t -> rows.add(t.get("priority").asText() + " " + t.get("responseHours").asInt()
        + "/" + t.get("resolutionHours").asInt() + " " + t.get("calendar").asText()));
    assertEquals(List.of("critical 24/72 24x7", "high 36/96 24x7", "normal 48/120 business", "low 72/168 business"), rows);
    assertEquals(2, tiers.get(0).get("waiting").get("reminderAfterBusinessDays").asInt());
  }

  @Test
  void theSlaAtRiskListsTheDeadlinesComingWithinTheWindowSoonestFirstFromTheDueIndex() {
    var tickets = new TicketsHandler(wiring);
    var created = tickets.handleRequest(Lambda.httpEvent("tickets/tickets/create-incident.json"), Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody()); // high, Koper: respond within 36 h, resolve within 96 h
    assertEquals(0, ok(call("get-at-risk-8h-as-agent.json")).get("tickets").size(), "nothing due within 8 hours");

    clock.advance(Duration.ofHours(30)); // past the response's 80 % warning (28.8 h), 6 h before its deadline
    JsonNode risk = ok(call("get-at-risk-8h-as-agent.json"));
    assertEquals(8, risk.get("hours").asInt());
    assertTrue(risk.get("complete").asBoolean());
    JsonNode row = risk.get("tickets").get(0);
    assertEquals(1, risk.get("tickets").size(), risk.toString());
    assertEquals("acme-fixture-1", row.get("ticketId").asText());
    assertEquals("acme-fixture", row.get("customerId").asText());
    assertEquals("response", row.get("target").asText());
    assertEquals(NOW.plus(Duration.ofHours(36)).toString(), row.get("dueAt").asText());
    assertEquals("at-risk", row.get("state").asText());
    assertFalse(row.has("warningAt") && !row.get("warningAt").isNull(), "its warning has passed: " + row);

    JsonNode acme = ok(call("get-at-risk-40h-acme-as-agent.json")).get("tickets");
    assertEquals(List.of("response"), List.of(acme.get(0).get("target").asText()),
        "40 h from 30 h reach 70 h: the response (36 h), not yet the resolution (96 h): " + acme);
    assertEquals(1, acme.size(), acme.toString());
    assertEquals(0, ok(call("get-at-risk-40h-globex-as-agent.json")).get("tickets").size(), "another customer's window");

    clock.advance(Duration.ofHours(7)); // the deadline passed; the scan has not fired it yet
    assertEquals("breached", ok(call("get-at-risk-8h-as-agent.json")).get("tickets").get(0).get("state").asText());

    assertProblem(call("get-at-risk-as-customer.json"), 403, "forbidden");
    assertProblem(call("get-at-risk-bad-hours.json"), 400, "validation-failed");
  }

  @Test
  void providerStaffReadEveryTier() {
    JsonNode tiers = ok(call("get-table-as-agent.json")).get("tiers");
    List<String> names = new ArrayList<>();
    tiers.forEach(t -> names.add(t.get("tier").asText()));
    assertEquals(List.of("koper", "brons", "zilver", "goud"), names);
  }

  @Test
  void complianceCountsMetAndBreachedTargetsOfTheMonthForTheCustomerAdminAndStaff() {
    JsonNode empty = ok(call("get-compliance.json"));
    assertEquals(0, empty.get("response").get("met").asLong());
    var tickets = new TicketsHandler(wiring);
    var create = Lambda.httpEvent("tickets/tickets/create-incident.json");
    assertEquals(201, tickets.handleRequest(create, Lambda.context("tickets")).getStatusCode());
    clock.advance(Duration.ofMinutes(5));
    var reply = Lambda.httpEvent("tickets/tickets/reply-as-agent.json");   // to acme-fixture-1, just created
    assertEquals(201, tickets.handleRequest(reply, Lambda.context("tickets")).getStatusCode());
    clock.advance(Duration.ofDays(5));
    new DueEventsHandler(wiring, new RecordingMailSender()).handleRequest(Map.of(), Lambda.context("due"));

    JsonNode own = ok(call("get-compliance.json"));
    assertEquals("acme-fixture", own.get("customerId").asText());
    assertEquals("2026-11", own.get("month").asText());
    assertEquals(1, own.get("response").get("met").asLong());
    assertEquals(0, own.get("response").get("breached").asLong());
    assertEquals(1, own.get("resolution").get("breached").asLong(), "96 hours passed without a resolution");
    JsonNode staff = ok(call("get-compliance-as-agent.json"));
    assertEquals(own, staff);

    // Each counted target is also recorded per ticket (pattern 33a), the read port the monthly report uses.
    var outcomes = nl.klantportaal.sla.wiring.SlaWiring.of(wiring).outcomes()
        .ofMonth(new nl.klantportaal.core.claims.TenantId("acme-fixture"), java.time.YearMonth.of(2026, 11));
    assertEquals(2, outcomes.size(), outcomes.toString());
    var response = outcomes.stream().filter(o -> o.target() == nl.klantportaal.sla.domain.TargetKind.RESPONSE).findFirst()
        .orElseThrow();
    var resolution = outcomes.stream().filter(o -> o.target() == nl.klantportaal.sla.domain.TargetKind.RESOLUTION).findFirst()
        .orElseThrow();
    assertEquals(1, response.ticketNumber());
    assertEquals(true, response.met());
    assertEquals(1, resolution.ticketNumber());
    assertEquals(false, resolution.met());
    assertEquals(nl.klantportaal.ticketing.domain.Priority.HIGH, response.priority());
    assertEquals(nl.klantportaal.ticketing.domain.Priority.HIGH, resolution.priority());
  }

  @Test
  void customerUsersAndBadMonthsAreRefused() {
    assertProblem(call("get-compliance-as-customer-user.json"), 403, "forbidden");
    APIGatewayV2HTTPResponse bad = call("get-compliance-bad-month.json");
    assertProblem(bad, 400, "validation-failed");
    assertFalse(bad.getBody().contains("Exception"), bad.getBody());
  }
}
