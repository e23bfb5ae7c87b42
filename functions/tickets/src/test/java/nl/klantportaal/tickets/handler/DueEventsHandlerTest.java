package nl.klantportaal.tickets.handler;

import nl.klantportaal.sla.handler.DueEventsHandler;
import nl.klantportaal.sla.usecase.FireSlaEvent;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.testing.MovableClock;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The due-events scan fires what is due at the scheduled event's {@code time}, not at the clock's
 * instant, and refuses a time more than 7 days ahead of the clock's; a late one fires what is due
 * now. Customer ACME is on Koper: a high ticket's response warning is due 28 h 48 min after creation, its deadline after 36 h.
 */
class DueEventsHandlerTest {
  private MovableClock clock;
  private TicketsHandler tickets;
  private RecordingMailSender mail;
  private DueEventsHandler scan;
  private Instant created;
  private nl.klantportaal.core.wiring.KernelWiring wiring;

  @BeforeEach
  void aHighTicketOnAFreshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    tickets = new TicketsHandler(wiring);
    mail = new RecordingMailSender();
    scan = new DueEventsHandler(wiring, mail);
    var create = Lambda.httpEvent("tickets/tickets/create-incident.json");
    var response = tickets.handleRequest(create, Lambda.context("tickets"));
    assertEquals(201, response.getStatusCode(), response.getBody());
    assertEquals("high", HttpEvents.json(response).get("priority").asText());
    created = clock.instant();
  }

  private Map<String, Object> scanAt(Instant time) {
    return scan.handleRequest(Map.of("time", time.toString()), Lambda.context("due-events"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> fired(Map<String, Object> answer) {
    return (Map<String, Integer>) answer.get("fired");
  }

  private List<String> subjects() {
    return mail.sent().stream().map(MailSender.ThreadedMail::subject).toList();
  }

  @Test
  void anEntryThatCannotFireIsReportedAndTheOthersFireAllTheSame() {
    // A broken due entry (an unknown kind, as a bug or a hand edit might leave) on every shard, due long ago
    for (int shard = 0; shard < 4; shard++) {
      String pk = "TENANT#acme-fixture#TICKET#0000009" + shard;
      wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
          "PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("STAFF#SLA#BOGUS#RESPONSE"),
          "DuePK", AttributeValue.fromS("DUE#" + pk.charAt(pk.length() - 1)),
          "DueSK", AttributeValue.fromS("2026-01-01T00:00:00Z#BOGUS#acme-fixture#0000009" + pk.charAt(pk.length() - 1)))));
    }
    Map<String, Object> answer = scanAt(created.plus(Duration.ofHours(28).plusMinutes(49)));
    assertEquals(Map.of("WARNING_80", 1), fired(answer), "the ticket's warning fires behind the broken entries");
    assertEquals(4, answer.get("failed"));
    assertEquals(true, answer.get("complete"));
    assertEquals(4, scanAt(created.plus(Duration.ofHours(28).plusMinutes(50))).get("failed"),
        "a broken entry stays due and is reported again, never dropped silently");
  }

  @Test
  void theScanFiresWhatIsDueAtTheScheduledTimeWhileTheClockStandsStill() {
    Instant before = created.plus(Duration.ofHours(28).plusMinutes(47));
    Map<String, Object> early = scanAt(before);
    assertEquals(before.toString(), early.get("at"));
    assertEquals(Map.of(), fired(early), "80 % of 36 h is 28 h 48 min");
    assertEquals(List.of(), mail.sent());

    Instant warning = created.plus(Duration.ofHours(28).plusMinutes(49));
    Map<String, Object> answer = scanAt(warning);
    assertEquals(warning.toString(), answer.get("at"));
    assertEquals(Map.of("WARNING_80", 1), fired(answer));
    assertEquals(true, answer.get("complete"));
    assertEquals(2, subjects().size(), "every provider staff member: " + subjects());
    assertTrue(subjects().stream().allMatch(s -> s.contains("SLA-waarschuwing: Outlook start niet op")), subjects().toString());
    assertEquals(created, clock.instant(), "the clock did not move; the event's time did");

    Map<String, Object> breach = scanAt(created.plus(Duration.ofHours(36)).plusSeconds(1));
    assertEquals(Map.of("DEADLINE", 1), fired(breach));
    assertEquals(2, subjects().stream().filter(s -> s.contains("SLA overschreden")).count(), subjects().toString());
  }

  @Test
  void aPageReadTakenBeforeAnAgentAnsweredLosesAsRacedAndMailsNothing() {
    SlaWiring sla = SlaWiring.of(wiring);
    FireSlaEvent fire = sla.fireSlaEvent(mail);
    Instant warning = created.plus(Duration.ofHours(28).plusMinutes(49));
    DueEntry entry = dueAt(sla.tickets(), warning).stream().filter(e -> e.kind().equals("WARNING_80")).findFirst().orElseThrow();
    FireSlaEvent.Reads read = fire.read(List.of(entry.ticket())).get(entry.ticket());
    assertTrue(read.ticket().isPresent() && read.record().isPresent(), "the page read finds the ticket and its record");

    var reply = tickets.handleRequest(Lambda.httpEvent("tickets/tickets/reply-as-agent.json"), Lambda.context("tickets"));
    assertEquals(201, reply.getStatusCode(), reply.getBody());

    assertEquals(FireSlaEvent.Outcome.RACED, fire.execute(entry, warning, read),
        "the reply met the response target and removed the entry the stale read still saw pending");
    assertEquals(List.of(), mail.sent(), "no warning for a target that was met");
    assertEquals(Map.of("OUTCOME", 1), fired(scanAt(warning)), "the scan counts the met response and fires no warning");
    assertEquals(List.of(), mail.sent());
  }

  private static List<DueEntry> dueAt(TicketRepository repository, Instant now) {
    List<DueEntry> entries = new java.util.ArrayList<>();
    for (int shard = 0; shard < repository.dueShards(); shard++) {
      entries.addAll(repository.due(shard, now, 100, java.util.Optional.empty()).entries());
    }
    return entries;
  }

  @Test
  void theSampleEventIsReadWithItsTime() {
    Map<String, Object> sample = Lambda.scheduledEvent("sla/due-events/scheduled.json");
    Map<String, Object> answer = scan.handleRequest(sample, Lambda.context("due-events"));
    assertEquals("2026-11-23T09:45:00Z", answer.get("at"));
    assertEquals(Map.of(), fired(answer), "nothing is due 15 minutes after creation");
  }

  @Test
  void anEventWithoutTimeTakesTheClock() {
    clock.advance(Duration.ofHours(29));
    Map<String, Object> answer = scan.handleRequest(Map.of(), Lambda.context("due-events"));
    assertEquals(clock.instant().toString(), answer.get("at"));
    assertEquals(Map.of("WARNING_80", 1), fired(answer));
  }

  @Test
  void aTimeMoreThanSevenDaysAheadIsRefusedAndFiresNothingWhileALateOneFiresWhatIsDueNow() {
    Instant tooLate = clock.instant().plus(Duration.ofDays(7)).plusSeconds(1);
    var refused = assertThrows(IllegalArgumentException.class, () -> scanAt(tooLate));
    assertTrue(refused.getMessage().contains("Refused to fire due events at " + tooLate + ": more than 7 days after the"
        + " clock's " + clock.instant()), refused.getMessage());
    assertEquals(List.of(), mail.sent());

    Map<String, Object> late = scanAt(clock.instant().minus(Duration.ofDays(30)));
    assertEquals(clock.instant().toString(), late.get("at"), "a delayed or stale event fires what is due now");
    assertEquals(Map.of(), fired(late), "nothing is due yet");

    Map<String, Object> atTheLimit = scanAt(clock.instant().plus(Duration.ofDays(7)));
    assertEquals(Map.of("WARNING_80", 2, "DEADLINE", 2), fired(atTheLimit),
        "7 days exactly is accepted, and the refused runs left every entry due: both targets' warnings and deadlines");
  }
}
