package nl.klantportaal.tickets.handler;

import static nl.klantportaal.tickets.handler.TicketFixtures.ACME;
import static nl.klantportaal.tickets.handler.TicketFixtures.AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.sla.handler.OnCallPagesHandler;
import nl.klantportaal.sla.usecase.SlaTracking;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.usecase.TriageTicket;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import org.junit.jupiter.api.Test;

/**
 * On call at once (docs/sla.md): a critical ticket raised, or made critical, while the business
 * calendar is closed writes its on-call page into the outbox with the ticket, and the insert's stream
 * record (events/sla/on-call-pages, with the entry's id) sends it, once; in business hours, or for
 * another priority, nothing is paged.
 */
class OnCallPagesHandlerTest {
  private static final String ON_CALL = "storingsdienst@provider.example.test";
  /** Saturday 21 November 2026, 23:30 in Amsterdam: the office is closed. */
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-21T22:30:00Z");
  /** Monday 23 November 2026, 10:30 in Amsterdam: open. */
  private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:30:00Z");

  private MovableClock clock;
  private KernelWiring wiring;
  private final RecordingMailSender mail = new RecordingMailSender();

  private void at(Instant now) {
    clock = new MovableClock(now);
    wiring = TicketFixtures.freshWiring(clock, Map.of("SLA_ON_CALL_EMAIL", ON_CALL));
  }

  private void raise(String priority) {
    var event = Lambda.httpEvent("tickets/tickets/create-incident.json");
    event.setBody(event.getBody().replace("\"priority\": \"high\"", "\"priority\": \"" + priority + "\"")
        .replace("\"priority\":\"high\"", "\"priority\":\"" + priority + "\""));
    var created = new TicketsHandler(wiring).handleRequest(event, Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody());
    assertTrue(created.getBody().contains("\"priority\":\"" + priority + "\""), created.getBody());
  }

  private Optional<OutboxEntry> page(String occasion) {
    return new DynamoDbOutbox(wiring.table()).find(MailThreading.outboxId("SLA#acme-fixture-1#ONCALL#" + occasion, "on-call",
        MailKind.SLA_ON_CALL));
  }

  private void deliver(OutboxEntry entry) {
    var event = Lambda.jsonEvent("sla/on-call-pages/page-written.json");
    String json = new String(nl.klantportaal.core.api.Json.write(event), java.nio.charset.StandardCharsets.UTF_8)
        .replace("REPLACED-BY-THE-TEST", entry.id());
    @SuppressWarnings("unchecked")
    Map<String, Object> written = nl.klantportaal.core.api.Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.class);
    var answer = new OnCallPagesHandler(wiring, mail).handleRequest(written, Lambda.context("on-call-pages"));
    assertEquals(List.of(), answer.getBatchItemFailures());
  }

  @Test
  void aCriticalTicketRaisedOutOfHoursPagesTheOnCallAddressAtOnceAndOnce() {
    at(SATURDAY_NIGHT);
    raise("critical");
    OutboxEntry written = page("CREATED").orElseThrow(() -> new AssertionError("no on-call page was written with the ticket"));
    assertEquals(ON_CALL, written.to());
    assertEquals(OutboxEntry.State.PENDING, written.state());
    assertEquals(Optional.of(SATURDAY_NIGHT.plus(SlaTracking.PAGE_SENT_WITHIN)), written.nextAttemptAt(),
        "the retry job takes it only if the immediate send does not");
    assertTrue(written.subject().startsWith("[#acme-fixture-1] Storingsdienst: nieuw kritiek ticket: "), written.subject());
    assertTrue(written.text().contains("Buiten kantooruren is een kritiek ticket binnengekomen"), written.text());

    deliver(written);
    deliver(written); // the stream's redelivery
    assertEquals(1, mail.sent().size(), mail.sent().toString());
    assertEquals(ON_CALL, mail.sent().getFirst().to());
    assertEquals(OutboxEntry.State.SENT, page("CREATED").orElseThrow().state());
  }

  @Test
  void inBusinessHoursOrForAnotherPriorityNobodyIsPaged() {
    at(MONDAY_MORNING);
    raise("critical");
    assertTrue(page("CREATED").isEmpty(), "the office is open: the service desk sees it");

    at(SATURDAY_NIGHT);
    raise("high");
    assertTrue(page("CREATED").isEmpty(), "a high ticket waits for the morning");
  }

  @Test
  void aTicketMadeCriticalOutOfHoursPagesOnceForThatChange() {
    at(SATURDAY_NIGHT);
    raise("high");
    clock.advance(Duration.ofMinutes(10));
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), IdentityWiring.of(wiring).users());
    var agent = new Caller(AGENT, Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
    TicketRef ref = new TicketRef(ACME, new TicketNumber(1));
    var triaged = new TriageTicket(access, TicketWiring.of(wiring).catalogue(), clock).execute(agent, ref,
        new TriageTicket.TriageInput("critical", null, null, access.tickets().find(ref).orElseThrow().version()));
    OutboxEntry written = page("V" + triaged.version()).orElseThrow(() -> new AssertionError("no page for the escalation"));
    deliver(written);
    assertEquals(1, mail.sent().size());
  }
}
