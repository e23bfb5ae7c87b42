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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The provider admin's SLA settings — PUT /sla/tiers/{tier}, GET and PUT /sla/calendar — from
 * events/sla/sla through the handlers, on DynamoDB Local with template.yaml's table: an edited
 * tier row applies to tickets raised afterwards, an added closure moves running business-calendar
 * timers (at the ticket's next evaluation, the scan included), every edit is conditional on its version.
 */
class SlaSettingsHandlerTest {
  private MovableClock clock;
  private KernelWiring wiring;
  private SlaHandler sla;
  private TicketsHandler tickets;
  private RecordingMailSender mail;
  private DueEventsHandler scan;

  @BeforeEach
  void freshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    sla = new SlaHandler(wiring);
    tickets = new TicketsHandler(wiring);
    mail = new RecordingMailSender();
    scan = new DueEventsHandler(wiring, mail);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return sla.handleRequest(Lambda.httpEvent("sla/sla/" + fixture), Lambda.context("sla"));
  }

  /** Through the tickets handler: a fixture from events/tickets/tickets. */
  private APIGatewayV2HTTPResponse ticketsCall(String fixture) {
    return tickets.handleRequest(Lambda.httpEvent("tickets/tickets/" + fixture), Lambda.context("tickets"));
  }

  /** A new ticket, a second after the previous request, from a fixture without an idempotency key; answers its id. */
  private String raise(String fixture) {
    clock.advance(Duration.ofSeconds(1));
    var response = ticketsCall(fixture);
    assertEquals(201, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response).get("id").asText();
  }

  /** The SLA of the ticket that {@code fixture} reads (get.json: acme-fixture-1, the first of a fresh table). */
  private JsonNode ticketSla(String fixture) {
    return ok(ticketsCall(fixture)).get("sla");
  }

  /** The DueIndex sort key of the ticket's item {@code sk}, read from its partition. */
  private String dueSortKey(String ticketId, String sk) {
    TicketRef ref = TicketRef.parse(ticketId).orElseThrow();
    var item = wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS("TENANT#" + ref.tenant().value() + "#TICKET#" + ref.number().padded()),
            "SK", AttributeValue.fromS(sk)))).item();
    return item.get("DueSK").s();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runScan() {
    return scan.handleRequest(Map.of(), Lambda.context("due-events"));
  }

  @SuppressWarnings("unchecked")
  private static int fired(Map<String, Object> outcome, String kind) {
    return ((Map<String, Integer>) outcome.get("fired")).getOrDefault(kind, 0);
  }

  @Test
  void anEditedTierAppliesToTicketsRaisedAfterwardsAndCustomersReadIt() {
    raise("create-incident-without-idempotency-key.json");          // acme-fixture-1, high
    JsonNode saved = ok(call("put-tier-koper-faster-high.json"));
    assertEquals("koper", saved.get("tier").asText());
    assertEquals(1, saved.get("version").asLong());

    JsonNode own = ok(call("get-table.json")).get("tiers").get(0);
    assertEquals(1, own.get("version").asLong());
    assertEquals("high", own.get("targets").get(1).get("priority").asText());
    assertEquals(4, own.get("targets").get(1).get("responseHours").asInt());
    assertEquals(24, own.get("targets").get(1).get("resolutionHours").asInt());

    // ticket writes read the tier table cached per container: an edit is in force everywhere within MAX_AGE
    clock.advance(nl.klantportaal.sla.usecase.CachedSlaReferenceData.MAX_AGE);
    raise("create-incident-without-idempotency-key.json");          // acme-fixture-2, high
    assertEquals(36, ticketSla("get.json").get("response").get("hours").asInt(), "raised under the old row: keeps it");
    assertEquals(96, ticketSla("get.json").get("resolution").get("hours").asInt());
    assertEquals(4, ticketSla("get-second-ticket.json").get("response").get("hours").asInt());
    assertEquals(24, ticketSla("get-second-ticket.json").get("resolution").get("hours").asInt());
    Instant created = clock.instant();
    assertEquals(created.plus(Duration.ofHours(4)).getEpochSecond(),
        Instant.parse(ticketSla("get-second-ticket.json").get("response").get("dueAt").asText()).getEpochSecond(), 1);
  }

  @Test
  void tierEditsAreConditionalAndOnlyForProviderAdminsWithFieldErrorsForBadInput() {
    ok(call("put-tier.json"));
    assertProblem(call("put-tier.json"), 409, "version-conflict");
    assertEquals(2, ok(call("put-tier-version-1.json")).get("version").asLong());
    assertProblem(call("put-tier-as-agent.json"), 403, "forbidden");
    assertProblem(call("put-tier-unknown.json"), 404, "not-found");

    APIGatewayV2HTTPResponse bad = call("put-tier-invalid.json");
    assertProblem(bad, 400, "validation-failed");
    List<String> fields = new ArrayList<>();
    HttpEvents.json(bad).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertTrue(fields.containsAll(List.of("targets", "targets[0].priority", "targets[0].calendar",
        "targets[0].responseHours", "waiting.reminderAfterBusinessDays", "waiting.remindersBeforeDrop")), fields.toString());
    assertFalse(bad.getBody().contains("Exception"), bad.getBody());
    JsonNode brons = ok(call("get-table-as-agent.json")).get("tiers").get(1);
    assertEquals(2, brons.get("targets").get(0).get("responseHours").asInt(), "the refused edit changed nothing");

    assertProblem(call("put-tier-response-after-resolution.json"), 400, "validation-failed");
  }

  @Test
  void fractionsAndTargetsTheOpeningHoursCannotReachAreRefusedNotCutOffOrLeftToFail() {
    assertProblem(call("put-tier-fractional-hours.json"), 400, "validation-failed");
    assertProblem(call("put-tier-fractional-version.json"), 400, "validation-failed");

    // Open on Mondays only: 9 business hours a week
    ok(call("put-calendar-mondays-only.json"));
    APIGatewayV2HTTPResponse tooLong = call("put-tier-unreachable-resolution.json");
    assertProblem(tooLong, 400, "validation-failed");
    assertEquals("targets[3].resolutionHours", HttpEvents.json(tooLong).get("errors").get(0).get("field").asText(),
        "8,760 business hours at 9 a week take 18 years");
    assertEquals(0, ok(call("get-table-as-agent.json")).get("tiers").get(0).get("version").asLong(), "nothing saved");

    APIGatewayV2HTTPResponse tooShort = call("put-calendar-quarter-hour-week.json");
    assertProblem(tooShort, 400, "validation-failed");
    assertEquals("hours", HttpEvents.json(tooShort).get("errors").get(0).get("field").asText(),
        "a quarter of an hour a week cannot reach the shipped 168-hour targets in ten years");
    assertEquals(1, ok(call("get-calendar.json")).get("version").asLong(), "the refused calendar was not saved");
  }

  @Test
  void everyoneReadsTheCalendarAndProviderAdminsEditIt() {
    JsonNode shipped = ok(call("get-calendar.json"));
    assertEquals(0, shipped.get("version").asLong());
    assertEquals("Europe/Amsterdam", shipped.get("zone").asText());
    assertEquals(5, shipped.get("hours").size());
    assertEquals("monday", shipped.get("hours").get(0).get("day").asText());
    assertEquals("08:30", shipped.get("hours").get(0).get("opens").asText());
    assertEquals("lustrum-years", shipped.get("holidays").get("liberationDay").asText());
    List<String> upcoming = new ArrayList<>();
    shipped.get("upcomingHolidays").forEach(d -> upcoming.add(d.asText()));
    assertEquals("2026-12-25", upcoming.get(0), "the next holiday after 23 November 2026");
    assertTrue(upcoming.containsAll(List.of("2027-04-27", "2027-05-06")), upcoming.toString());
    assertFalse(upcoming.contains("2027-05-05"), "Liberation Day 2027 is no lustrum");

    JsonNode saved = ok(call("put-calendar.json"));
    assertEquals(1, saved.get("version").asLong());
    JsonNode read = ok(call("get-calendar.json"));
    assertEquals(saved, read);
    assertEquals("2026-12-31", read.get("closures").get(0).get("date").asText());
    assertEquals("Silvester: Büro geschlossen", read.get("closures").get(0).get("reason").get("de").asText());
    assertProblem(call("put-calendar.json"), 409, "version-conflict");

    APIGatewayV2HTTPResponse bad = call("put-calendar-invalid.json");
    assertProblem(bad, 400, "validation-failed");
    List<String> fields = new ArrayList<>();
    HttpEvents.json(bad).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("hours[0].closes", "holidays.liberationDay", "closures[0].date"), fields);
    assertEquals(read, ok(call("get-calendar.json")), "the refused edit changed nothing");
  }

  @Test
  void anAddedClosureMovesRunningBusinessTimersAndTheScanFiresThemAtTheirNewTime() {
    // Koper normal: 48 h response on the business calendar; the warning falls at 38.4 business hours.
    String id = raise("create-incident-normal.json");
    Instant oldWarning = Instant.parse(ticketSla("get.json").get("response").get("warningAt").asText());
    String oldDueSk = dueSortKey(id, "STAFF#SLA#WARNING_80#RESPONSE");

    ok(call("put-calendar-moving-closures.json"));
    clock.advance(nl.klantportaal.sla.usecase.CachedSlaReferenceData.MAX_AGE); // ticket views read the calendar cached
    Instant newWarning = Instant.parse(ticketSla("get.json").get("response").get("warningAt").asText());
    assertEquals(Duration.ofDays(4), Duration.between(oldWarning, newWarning),
        "two closed weekdays (Tue, Wed) push Friday's warning over the weekend to Tuesday");
    assertEquals(oldDueSk, dueSortKey(id, "STAFF#SLA#WARNING_80#RESPONSE"), "stored timers move at the next evaluation");

    clock.advance(Duration.between(clock.instant(), oldWarning).plusMinutes(1));
    Map<String, Object> first = runScan();
    assertEquals(0, fired(first, "WARNING_80"), first.toString());
    assertTrue(mail.sent().isEmpty(), "no warning at the old time");
    assertTrue(dueSortKey(id, "STAFF#SLA#WARNING_80#RESPONSE").startsWith(newWarning.toString().substring(0, 19)),
        "the entry moved to the new warning time");

    clock.advance(Duration.between(clock.instant(), newWarning).plusMinutes(1));
    assertEquals(1, fired(runScan(), "WARNING_80"));
    assertEquals(0, fired(runScan(), "WARNING_80"), "once");
    assertFalse(mail.sent().isEmpty());
    assertTrue(mail.sent().stream().allMatch(m -> m.subject().contains("[#" + id + "]")), mail.sent().toString());
  }
}
