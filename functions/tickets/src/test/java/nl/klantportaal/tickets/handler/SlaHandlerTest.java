package nl.klantportaal.tickets.handler;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.sla.handler.DueEventsHandler;
import nl.klantportaal.sla.wiring.SlaWiring;
import static nl.klantportaal.tickets.handler.TicketFixtures.ACME;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The SLA through the tickets handler and the due-events scan, on DynamoDB Local with template.yaml's
 * table. Customer ACME is on Koper: high is 36 h response / 96 h resolution on the 24×7 calendar.
 * The fixtures that read or change a ticket aim at acme-fixture-1, the first ticket of a fresh table.
 */
class SlaHandlerTest {
  /** Jan's high incident; without an idempotency key, so each call raises a new ticket. */
  private static final String INCIDENT = "create-incident-without-idempotency-key.json";
  private static final Set<String> RUNNING_TIMERS = Set.of("STAFF#SLA#DEADLINE#RESOLUTION", "STAFF#SLA#DEADLINE#RESPONSE",
      "STAFF#SLA#WARNING_80#RESOLUTION", "STAFF#SLA#WARNING_80#RESPONSE");

  private MovableClock clock;
  private KernelWiring wiring;
  private TicketsHandler handler;
  private RecordingMailSender mail;
  private DueEventsHandler scan;

  @BeforeEach
  void freshTable() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    handler = new TicketsHandler(wiring);
    mail = new RecordingMailSender();
    scan = new DueEventsHandler(wiring, mail);
  }

  /** The fixture from events/tickets/tickets, a second after the previous request. */
  private APIGatewayV2HTTPResponse call(String fixture) {
    clock.advance(Duration.ofSeconds(1));
    return handler.handleRequest(Lambda.httpEvent("tickets/tickets/" + fixture), Lambda.context("tickets"));
  }

  private JsonNode ok(String fixture) {
    var response = call(fixture);
    assertTrue(response.getStatusCode() / 100 == 2, response.getBody());
    return HttpEvents.json(response);
  }

  /** A new ticket from {@code fixture}, which carries no idempotency key; answers its id. */
  private String create(String fixture) {
    var response = call(fixture);
    assertEquals(201, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response).get("id").asText();
  }

  private JsonNode sla(String fixture) {
    return ok(fixture).get("sla");
  }

  private static Instant at(JsonNode target, String field) {
    return Instant.parse(target.get(field).asText());
  }

  /** The ticket's items on DueIndex (SK of each), read from its partition. */
  private Set<String> dueItems(String ticketId) {
    TicketRef ref = TicketRef.parse(ticketId).orElseThrow();
    var items = wiring.table().client().query(r -> r.tableName(wiring.table().name()).consistentRead(true)
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
            AttributeValue.fromS("TENANT#" + ref.tenant().value() + "#TICKET#" + ref.number().padded())))).items();
    Set<String> due = new TreeSet<>();
    items.stream().filter(i -> i.containsKey("DuePK")).forEach(i -> due.add(i.get("SK").s()));
    return due;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runScan() {
    return scan.handleRequest(Map.of(), Lambda.context("due-events"));
  }

  @SuppressWarnings("unchecked")
  private static int fired(Map<String, Object> outcome, String kind) {
    return ((Map<String, Integer>) outcome.get("fired")).getOrDefault(kind, 0);
  }

  private List<MailSender.ThreadedMail> mailsWith(String subjectPart) {
    return mail.sent().stream().filter(m -> m.subject().contains(subjectPart)).toList();
  }

  @Test
  void bothTargetsRunFromCreationPauseWhileWaitingAndAreMetByReplyAndResolution() {
    String id = create(INCIDENT);
    Instant created = clock.instant();
    JsonNode sla = sla("get.json");
    assertEquals("koper", sla.get("tier").asText());
    assertEquals("running", sla.get("response").get("state").asText());
    assertEquals(36, sla.get("response").get("hours").asInt());
    assertEquals("24x7", sla.get("response").get("calendar").asText());
    assertEquals(created.plus(Duration.ofHours(36)), at(sla.get("response"), "dueAt"));
    assertEquals(created.plus(Duration.ofMinutes(36 * 60 * 4 / 5)), at(sla.get("response"), "warningAt"));
    assertEquals(created.plus(Duration.ofHours(96)), at(sla.get("resolution"), "dueAt"));
    assertEquals(RUNNING_TIMERS, dueItems(id), "one DueIndex entry per pending warning and deadline");

    ok("reply-as-agent.json");
    Instant replied = clock.instant();
    sla = sla("get.json");
    assertEquals("met", sla.get("response").get("state").asText());
    assertEquals(replied, at(sla.get("response"), "metAt"));
    assertEquals(Set.of("STAFF#SLA#DEADLINE#RESOLUTION", "STAFF#SLA#WARNING_80#RESOLUTION", "STAFF#SLA#OUTCOME#RESPONSE"),
        dueItems(id), "the response timers left the index in the reply's transaction; its outcome is to be counted");

    clock.advance(Duration.ofHours(2));
    ok("transition-wait-for-customer-version-2.json");
    Instant waiting = clock.instant();
    sla = sla("get-as-agent.json");
    assertEquals("paused", sla.get("resolution").get("state").asText());
    assertFalse(sla.get("resolution").has("dueAt"), "no deadline while the clock stands still");
    assertEquals(Set.of("STAFF#SLA#CUSTOMER_REMINDER#RESOLUTION", "STAFF#SLA#OUTCOME#RESPONSE"), dueItems(id));

    clock.advance(Duration.ofHours(10));
    ok("reply.json");
    Instant answered = clock.instant();
    sla = sla("get.json");
    assertEquals("running", sla.get("resolution").get("state").asText());
    assertEquals(created.plus(Duration.ofHours(96)).plus(Duration.between(waiting, answered)),
        at(sla.get("resolution"), "dueAt"), "the pause does not count on the 24x7 calendar");
    assertEquals(Set.of("STAFF#SLA#DEADLINE#RESOLUTION", "STAFF#SLA#WARNING_80#RESOLUTION", "STAFF#SLA#OUTCOME#RESPONSE"),
        dueItems(id));

    ok("transition-resolve-version-4.json");
    sla = sla("get.json");
    assertEquals("met", sla.get("resolution").get("state").asText());
    assertEquals(Set.of("STAFF#DUE#AUTO_CLOSE", "STAFF#SLA#OUTCOME#RESOLUTION", "STAFF#SLA#OUTCOME#RESPONSE"), dueItems(id));

    Map<String, Object> outcome = runScan();
    assertEquals(2, fired(outcome, "OUTCOME"));
    var month = SlaWiring.of(wiring).slaRecords().month(ACME, YearMonth.of(2026, 11));
    assertEquals(1, month.responseMet());
    assertEquals(1, month.resolutionMet());
    assertEquals(0, month.responseBreached() + month.resolutionBreached());
    assertEquals(0, fired(runScan(), "OUTCOME"), "counted once");
    assertEquals(1, SlaWiring.of(wiring).slaRecords().month(ACME, YearMonth.of(2026, 11)).resolutionMet());
    assertEquals(Set.of("STAFF#DUE#AUTO_CLOSE"), dueItems(id));
  }

  @Test
  void aServiceRequestAwaitingApprovalRunsNoClockUntilItsCustomerAdminApproves() {
    String id = create("create-service-request.json");
    JsonNode waiting = sla("get.json");
    assertEquals("paused", waiting.get("response").get("state").asText());
    assertEquals("paused", waiting.get("resolution").get("state").asText());
    assertFalse(waiting.get("response").has("dueAt"), waiting.toString());
    assertEquals(Set.of(), dueItems(id), "nothing can warn or breach before the approval");

    clock.advance(Duration.ofDays(3));
    ok("approval.json");
    Instant approvedAt = clock.instant();
    JsonNode running = sla("get.json");
    assertEquals("running", running.get("response").get("state").asText());
    assertFalse(at(running.get("response"), "dueAt").isBefore(approvedAt.plus(Duration.ofHours(48))),
        "48 business hours (normal) counted from the approval, not from the request three days earlier");
    assertEquals(RUNNING_TIMERS, dueItems(id));
  }

  @Test
  void aPriorityChangeRecomputesPendingTargetsFromCreationAndKeepsMetOnes() {
    create(INCIDENT);
    Instant created = clock.instant();
    clock.advance(Duration.ofHours(1));
    ok("triage-priority-critical.json");
    JsonNode sla = sla("get.json");
    assertEquals("critical", sla.get("response").get("priority").asText());
    assertEquals(created.plus(Duration.ofHours(24)), at(sla.get("response"), "dueAt"));
    assertEquals(created.plus(Duration.ofHours(72)), at(sla.get("resolution"), "dueAt"));

    ok("reply-as-agent.json");
    ok("triage-priority-low-version-3.json");
    sla = sla("get-as-agent.json");
    assertEquals("met", sla.get("response").get("state").asText());
    assertEquals("critical", sla.get("response").get("priority").asText(), "a met target keeps its priority");
    assertEquals("low", sla.get("resolution").get("priority").asText());
    assertEquals("business", sla.get("resolution").get("calendar").asText());
    assertEquals(168, sla.get("resolution").get("hours").asInt());
    assertTrue(at(sla.get("resolution"), "dueAt").isAfter(created.plus(Duration.ofHours(168))),
        "168 business hours from creation end weeks later, not after 168 calendar hours");
  }

  @Test
  void warningsAndBreachesAreMailedOnceUnderRepeatedAndConcurrentScans() throws Exception {
    String id = create(INCIDENT);
    clock.advance(Duration.ofHours(28).plusMinutes(47));
    assertEquals(0, fired(runScan(), "WARNING_80"), "not yet at 80 %");
    assertEquals(List.of(), mail.sent());

    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, fired(runScan(), "WARNING_80"));
    List<MailSender.ThreadedMail> warnings = mailsWith("SLA-waarschuwing");
    assertEquals(Set.of("agent.smit@example.test", "admin.de.vries@example.test"),
        Set.copyOf(warnings.stream().map(MailSender.ThreadedMail::to).toList()), "unassigned: every provider staff member");
    assertEquals("[#" + id + "] SLA-waarschuwing: Outlook start niet op", warnings.getFirst().subject());
    assertTrue(warnings.getFirst().text().contains("80% van de reactietijd"), warnings.getFirst().text());
    assertEquals(0, fired(runScan(), "WARNING_80"), "a repeated scan finds nothing");
    assertEquals(2, mailsWith("SLA-waarschuwing").size());

    clock.advance(Duration.ofHours(8));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<String, Object>>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return runScan();
        }));
      }
      start.countDown();
      int deadlines = 0;
      for (var run : runs) {
        deadlines += fired(run.get(), "DEADLINE");
      }
      assertEquals(1, deadlines, "six overlapping scans fire the response deadline once");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, mailsWith("SLA overschreden").size(), "one breach mail per staff member");
    assertEquals("breached", sla("get.json").get("response").get("state").asText());
    var month = SlaWiring.of(wiring).slaRecords().month(ACME, YearMonth.of(2026, 11));
    assertEquals(1, month.responseBreached());
    assertEquals(0, month.responseMet());

    ok("reply-as-agent.json");
    runScan();
    assertEquals(1, SlaWiring.of(wiring).slaRecords().month(ACME, YearMonth.of(2026, 11)).responseBreached(),
        "a late reply does not count the response again");
    assertEquals(0, SlaWiring.of(wiring).slaRecords().month(ACME, YearMonth.of(2026, 11)).responseMet());
  }

  @Test
  void anAssignedTicketWarnsItsAssigneeAndACriticalOneOutOfHoursTheCustomersOnCallAddress() {
    Customer acme = IdentityWiring.of(wiring).customers().find(ACME).orElseThrow();
    IdentityWiring.of(wiring).customers().update(acme, new Customer(acme.id(), new CustomerDetails(acme.name(), acme.emailDomains(),
        acme.slaTier(), acme.language(), java.util.Optional.of("storing@acme-fixture.example.test")), acme.createdAt(),
        NOW, acme.version() + 1));
    create(INCIDENT);
    ok("triage.json");
    // critical on Koper: 24 h response, warning after 19.2 h — Tuesday 05:42 in Amsterdam, out of office hours
    clock.advance(Duration.ofHours(19).plusMinutes(15));
    assertEquals(1, fired(runScan(), "WARNING_80"));
    assertEquals(Set.of("agent.smit@example.test", "storing@acme-fixture.example.test"),
        Set.copyOf(mail.sent().stream().map(MailSender.ThreadedMail::to).toList()));
  }

  @Test
  void theScanReadsOnlyTheDueEntriesOfATableWithManyClosedTickets() {
    writeClosedTickets(1_200);
    List<String> open = List.of(create(INCIDENT), create(INCIDENT), create(INCIDENT));
    clock.advance(Duration.ofHours(29));
    Map<String, Object> first = runScan();
    assertEquals(3, fired(first, "WARNING_80"));
    assertEquals(3, first.get("itemsRead"), "three due entries read, none of the 1,200 closed tickets");
    Map<String, Object> second = runScan();
    assertEquals(0, second.get("itemsRead"), "nothing else is due yet");
    for (String id : open) {
      assertEquals(RUNNING_TIMERS.stream().filter(t -> !t.contains("WARNING_80#RESPONSE")).collect(
          java.util.stream.Collectors.toSet()), dueItems(id), "each ticket's fired warning left the index, " + id);
    }
  }

  @Test
  void aRunOutOfTimeLeavesTheRestForTheNextRun() {
    create(INCIDENT);
    create(INCIDENT);
    clock.advance(Duration.ofHours(29));
    AtomicInteger budget = new AtomicInteger(1);
    var scanner = SlaWiring.of(wiring).fireDueEvents(mail);
    var partial = scanner.execute(clock.instant(), () -> budget.getAndDecrement() > 0);
    assertFalse(partial.complete());
    assertEquals(1, partial.fired("WARNING_80"));
    var rest = scanner.execute(clock.instant(), () -> true);
    assertTrue(rest.complete());
    assertEquals(1, rest.fired("WARNING_80"));
  }

  @Test
  void anUnansweredQuestionRemindsTheReporterTwiceThenLowersThePriority() {
    create(INCIDENT);
    ok("reply-as-agent.json");
    ok("transition-wait-for-customer-version-2.json");
    clock.advance(Duration.ofDays(2).plusMinutes(5)); // Monday + 2 business days = Wednesday
    assertEquals(1, fired(runScan(), "CUSTOMER_REMINDER"));
    assertEquals(List.of("jan@example.test"), mailsWith("Herinnering").stream().map(MailSender.ThreadedMail::to).toList());
    assertEquals(0, fired(runScan(), "CUSTOMER_REMINDER"));
    clock.advance(Duration.ofDays(2).plusMinutes(5)); // Friday
    assertEquals(1, fired(runScan(), "CUSTOMER_REMINDER"));
    clock.advance(Duration.ofDays(4).plusMinutes(5)); // Friday + 2 business days = Tuesday
    assertEquals(1, fired(runScan(), "PRIORITY_DROP"));
    JsonNode ticket = ok("get-as-agent.json");
    assertEquals("normal", ticket.get("ticket").get("priority").asText());
    List<String> actions = new ArrayList<>();
    ticket.get("audit").forEach(a -> actions.add(a.get("action").asText()));
    assertEquals(2, actions.stream().filter("sla-reminder"::equals).count());
    assertEquals(1, actions.stream().filter("priority-dropped"::equals).count());
    assertEquals(1, mailsWith("Prioriteit verlaagd").size());
    assertTrue(mailsWith("Prioriteit verlaagd").getFirst().text().contains("Normaal"));
  }

  @Test
  void aReporterWhoSwitchedTicketMailOffIsRemindedOnTheTicketButNotMailed() {
    var users = IdentityWiring.of(wiring).users();
    var jan = users.find(TicketFixtures.JAN).orElseThrow();
    var off = new nl.klantportaal.accounts.identity.domain.AccountSettings(
        new nl.klantportaal.accounts.identity.domain.AccountSettings.Notifications(true, false, true, true, true, true), List.of(), false);
    users.update(jan.withDetails(jan.name(), jan.language(), off, NOW), new nl.klantportaal.accounts.identity.domain.AuditEntry(NOW,
        TicketFixtures.JAN, "user.updated", TicketFixtures.JAN, java.util.Optional.empty(), Map.of()));
    create(INCIDENT);
    ok("reply-as-agent.json");
    ok("transition-wait-for-customer-version-2.json");
    clock.advance(Duration.ofDays(2).plusMinutes(5));
    assertEquals(1, fired(runScan(), "CUSTOMER_REMINDER"), "the reminder still happens (audit, timeline)");
    assertEquals(List.of(), mailsWith("Herinnering"), "like every ticket mail, not to someone who switched ticket mail off");
  }

  /** Closed tickets as the tickets slice leaves them: a header, no DueIndex entry. */
  private void writeClosedTickets(int count) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      String pk = String.format("TENANT#globex-fixture#TICKET#%08d", 10_000 + n);
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("PK", AttributeValue.fromS(pk),
          "SK", AttributeValue.fromS("PUB#TICKET"), "type", AttributeValue.fromS("Ticket"),
          "status", AttributeValue.fromS("closed"))).build()).build());
      if (batch.size() == 25 || n == count) {
        List<WriteRequest> items = List.copyOf(batch);
        var unprocessed = wiring.table().client().batchWriteItem(r -> r.requestItems(Map.of(wiring.table().name(), items)))
            .unprocessedItems();
        assertTrue(unprocessed.isEmpty(), "DynamoDB Local takes every batch");
        batch.clear();
      }
    }
  }
}
