package nl.klantportaal.reports.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static nl.klantportaal.testing.HttpEvents.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.reports.adapter.pdf.PdfText;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.testing.TestEnvironment;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketType;
import nl.klantportaal.ticketing.port.TicketRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monthly reports end to end on DynamoDB Local and s3proxy: the schedule's item, the stream's
 * fan-out and work items (handed to the stream function as the table's stream would: the new items
 * as INSERT records), the PDFs in the bucket, the mail, the routes and the regeneration.
 */
class ReportsFlowTest {
  private static final TenantId ACME = new TenantId("acme-fixture");
  private static final TenantId GLOBEX = new TenantId("globex-fixture");
  private static final TenantId BROKEN = new TenantId("broken-fixture");
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  private static final UserId ANNA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0002");
  private static final UserId GRETA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0008");
  private static final UserId EVE = new UserId("0a1b2c3d-0000-4000-8000-0000000c0009");
  private static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-0000000a0001");
  private static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-0000000a0002");
  private static final Instant RUN = Instant.parse("2026-12-01T05:00:00Z");

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T08:00:00Z"));
  private final RecordingMailSender mail = new RecordingMailSender();
  private KernelWiring wiring;
  private ReportsHandler routes;
  private ReportJobsHandler jobs;
  private long sequence;

  @BeforeEach
  void threeCustomersAndAcmesNovember() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTableAndBucket(dynamoDb, dynamoDb.createPortalTable(), LocalS3.shared());
    env.put("PROVIDER_NAME", "Voorbeeld IT");
    wiring = new KernelWiring(Config.fromEnvironment(env), clock);
    customer(ACME, Language.NL);
    customer(GLOBEX, Language.EN);
    customer(BROKEN, Language.NL);
    person(JAN, "Jan", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), Language.NL);
    person(ANNA, "Anna", new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN), Language.NL);
    person(GRETA, "Greta", new Membership.CustomerMember(GLOBEX, Role.CUSTOMER_ADMIN), Language.EN);
    person(EVE, "Eve", new Membership.CustomerMember(GLOBEX, Role.CUSTOMER_USER), Language.EN);
    person(AGENT, "Agent", new Membership.ProviderStaff(Role.PROVIDER_AGENT), Language.NL);
    person(ADMIN, "Admin", new Membership.ProviderStaff(Role.PROVIDER_ADMIN), Language.NL);

    // Acme's November by hand: #1 raised 2 Nov and resolved 3 Nov, #2 raised 20 Nov and still open,
    // #3 raised at 00:30 on 1 December in Amsterdam (23:30 UTC on the 30th): December's.
    TicketRepository tickets = SlaWiring.of(wiring).tickets();
    Ticket first = raise(tickets, "email", Priority.HIGH, "Outlook start niet op");
    clock.set(Instant.parse("2026-11-03T10:00:00Z"));
    var agent = new Actor.Person(AGENT, Role.PROVIDER_AGENT, "Agent");
    Ticket resolved = first.apply(TicketAction.RESOLVE, agent, clock.instant());
    tickets.save(new TicketRepository.TicketChange(first, resolved, List.of(),
        List.of(TicketAudit.of(agent, clock.instant(), "resolve", Map.of())), Optional.of(clock.instant().plus(java.time.Duration.ofDays(7)))));
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    raise(tickets, "network", Priority.NORMAL, "Wifi valt weg");
    clock.set(Instant.parse("2026-11-30T23:30:00Z"));
    raise(tickets, "workplace", Priority.LOW, "Nieuwe muis");

    // A customer whose data cannot make a report: a ticket item no reader understands.
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, s(Keys.ticket(BROKEN, 1)), Keys.SK, s(Keys.TICKET_SK), "type", s("Ticket"),
        Keys.GSI5PK, s(Keys.tenantTickets(BROKEN)), Keys.GSI5SK, s("2026-11-05T09:00:00Z#00000001"),
        "priority", s("urgent!!"))));

    clock.set(RUN);
    routes = new ReportsHandler(wiring);
    jobs = new ReportJobsHandler(wiring, mail);
  }

  @Test
  void theScheduleFansOutOneReportPerCustomerMailsOnceAndSurvivesOneCustomerFailing() throws Exception {
    var schedule = new MonthlyReportsHandler(wiring);
    Map<String, Object> started = schedule.handleRequest(Lambda.scheduledEvent("reports/monthly-reports/scheduled.json"),
        Lambda.context("monthly-reports"));
    assertEquals("2026-11", started.get("month"));
    assertEquals(true, started.get("started"));
    assertEquals(false, schedule.handleRequest(Lambda.scheduledEvent("reports/monthly-reports/scheduled.json"),
        Lambda.context("monthly-reports")).get("started"), "a second run of the month starts nothing");

    assertEquals(List.of(), stream(items("REPORTRUN#2026-11", "PAGE#")).getBatchItemFailures());
    List<Map<String, AttributeValue>> work = new ArrayList<>();
    for (TenantId tenant : List.of(ACME, GLOBEX, BROKEN)) {
      work.addAll(items(Keys.tenant(tenant), "REPORTJOB#2026-11#"));
    }
    assertEquals(3, work.size(), "one work item per customer");

    DynamodbEvent event = event(work);
    StreamsEventResponse answer = jobs.handle(event, Lambda.context("report-jobs"));
    assertEquals(1, answer.getBatchItemFailures().size(), "the broken customer's record is reported back for a retry");
    assertEquals(event.getRecords().get(2).getDynamodb().getSequenceNumber(),
        answer.getBatchItemFailures().getFirst().getItemIdentifier());
    assertEquals(2, mail.sent().size(), "Anna (nl) and Greta (en); Jan is no admin");
    var anna = mail.sent().stream().filter(m -> m.to().equals("anna@example.test")).findFirst().orElseThrow();
    assertEquals("Uw maandrapportage over november 2026 staat klaar", anna.subject());
    assertTrue(anna.text().contains("https://portal.example.test/#/reports"), anna.text());
    var greta = mail.sent().stream().filter(m -> m.to().equals("greta@example.test")).findFirst().orElseThrow();
    assertEquals("Your monthly report for November 2026 is ready", greta.subject());

    // A duplicate delivery replaces nothing and mails nobody again; the broken customer fails again.
    assertEquals(1, jobs.handle(event, Lambda.context("report-jobs")).getBatchItemFailures().size());
    assertEquals(2, mail.sent().size());

    JsonNode list = ok(routes.handleRequest(Lambda.httpEvent("reports/reports/list-own.json"), Lambda.context("reports")));
    assertEquals(1, list.get("reports").size());
    assertEquals("2026-11", list.at("/reports/0/month").asText());
    assertEquals(1, list.at("/reports/0/version").asInt());

    // The PDF holds Acme's November as worked out above.
    String text = String.join("\n", PdfText.pages(download("reports/reports/download-own.json", "rapportage-2026-11.pdf")));
    for (String expected : List.of("Acme", "november 2026", "Voorbeeld IT", "Totaal 2 1 0 1", "Hoog 1 1 0 0",
        "Normaal 1 0 0 1", "Laag 0 0 0 0", "E-mail en Microsoft 365 1 1 0 0", "Netwerk en internet 1 0 0 1")) {
      assertTrue(text.contains(expected), expected + " in\n" + text);
    }
    assertFalse(text.contains("Nieuwe muis"), "December's ticket is not in November");
    String staff = String.join("\n", PdfText.pages(download("reports/reports/download-customer.json", "rapportage-2026-11.pdf")));
    assertTrue(staff.contains("Totaal 2 1 0 1"), "the agent downloads Acme's report too");

    // Named in the reader's language (the list's name too); the bucket's key stays v1.pdf.
    download(in("reports/reports/download-own.json", "en-GB,en;q=0.9"), "report-2026-11.pdf");
    download(in("reports/reports/download-customer.json", "de-DE,de;q=0.9"), "Monatsbericht-2026-11.pdf");
    assertEquals("Monatsbericht-2026-11.pdf", ok(routes.handleRequest(in("reports/reports/list-own.json", "de"),
        Lambda.context("reports"))).at("/reports/0/fileName").asText());
    assertEquals("report-2026-11.pdf", ok(routes.handleRequest(in("reports/reports/list-own.json", "en"),
        Lambda.context("reports"))).at("/reports/0/fileName").asText());
  }

  @Test
  void onlyAdminsUsersTheyGrantAndStaffReadReportsAndBadRequestsAre4xx() throws Exception {
    generateNovember();
    assertProblem(call("list-own-as-user.json"), 403, "forbidden");
    assertProblem(call("download-own-as-user.json"), 403, "forbidden");
    assertProblem(call("share-as-user.json"), 403, "forbidden");
    assertProblem(call("list-own-foreign-user.json"), 403, "forbidden");
    assertEquals(400, call("share-invalid.json").getStatusCode());
    JsonNode shared = ok(call("share-with-users.json"));
    assertTrue(shared.get("usersSeeReports").asBoolean());
    var sharing = wiring.auditTrail().ofObject(new nl.klantportaal.core.audit.AuditObject("report-settings", "acme-fixture"),
        nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(1, sharing.size(), "the switch is audited with its change");
    assertEquals("report-sharing-on", sharing.getFirst().action());
    assertEquals("0a1b2c3d-0000-4000-8000-0000000c0002", sharing.getFirst().actorId(), "the customer admin's id");
    assertEquals(1, ok(call("list-own-as-user.json")).get("reports").size());
    download("reports/reports/download-own-as-user.json", "rapportage-2026-11.pdf");

    assertEquals(400, call("download-own-future.json").getStatusCode());
    assertEquals(400, call("download-own-current-month.json").getStatusCode());
    assertEquals(400, call("download-own-malformed.json").getStatusCode());
    assertProblem(call("download-own-missing.json"), 404, "not-found");
    assertEquals(1, ok(call("list-customer.json")).get("reports").size());
    assertProblem(call("list-customer-unknown.json"), 404, "not-found");
    int asCustomer = call("list-customer-as-customer.json").getStatusCode();
    assertTrue(asCustomer == 403 || asCustomer == 404, "a customer on a staff route: " + asCustomer);
  }

  @Test
  void aProviderAdminRegeneratesAMonthWhichReplacesTheOldVersionWithAnAuditEntry() throws Exception {
    generateNovember();
    String v1 = ok(call("list-own.json")).at("/reports/0/version").asText();
    assertEquals("1", v1);
    assertEquals(403, call("regenerate-as-agent.json").getStatusCode());
    assertEquals(400, call("regenerate-future.json").getStatusCode());
    assertProblem(call("regenerate-unknown-customer.json"), 404, "not-found");
    APIGatewayV2HTTPResponse accepted = call("regenerate.json");
    assertEquals(202, accepted.getStatusCode(), accepted.getBody());
    assertEquals(2, HttpEvents.json(accepted).get("version").asInt());
    assertEquals(409, call("regenerate.json").getStatusCode(), "version 2 is under way");

    assertEquals(List.of(), jobs.handle(event(items(Keys.tenant(ACME), "REPORTJOB#2026-11#v2")), Lambda.context("report-jobs"))
        .getBatchItemFailures());
    JsonNode list = ok(call("list-own.json"));
    assertEquals(1, list.get("reports").size(), "the new version replaces the old one");
    assertEquals(2, list.at("/reports/0/version").asInt());
    var s3 = LocalS3.shared().client();
    String bucket = reportsBucket();
    assertTrue(s3.listObjectsV2(r -> r.bucket(bucket).prefix("reports/acme-fixture/2026-11/")).contents().stream()
        .map(o -> o.key()).toList().equals(List.of("reports/acme-fixture/2026-11/v2.pdf")), "v1 removed");
    List<Map<String, AttributeValue>> audit = items(Keys.tenant(ACME), "REPORTAUDIT#2026-11#");
    assertEquals(2, audit.size());
    assertEquals(ADMIN.value(), audit.get(1).get("by").s());
    assertEquals("regenerated", audit.get(1).get("action").s());
    assertEquals(1, mail.sent().stream().filter(m -> m.to().equals("anna@example.test")).count(), "a regeneration mails nobody");
  }

  @Test
  void aRegenerationWhoseWorkItemNeverMadeItsVersionCanBeAskedAgainAfterHalfAnHour() throws Exception {
    generateNovember();
    clock.set(Instant.parse("2026-12-02T09:00:40Z"));
    assertEquals(202, call("regenerate.json").getStatusCode());
    List<Map<String, AttributeValue>> first = items(Keys.tenant(ACME), "REPORTJOB#2026-11#v2");
    assertEquals(1, first.size());
    // The work item's retries are spent (an S3 outage, dead-lettered): it stays, version 2 never appears.
    clock.set(Instant.parse("2026-12-02T09:29:00Z"));
    APIGatewayV2HTTPResponse early = call("regenerate.json");
    assertProblem(early, 409, "illegal-state");
    assertTrue(HttpEvents.json(early).get("detail").asText().contains("2026-12-02T09:31:00Z"), "says when to ask again, "
        + "the minute rounded up: " + early.getBody());
    clock.set(Instant.parse("2026-12-02T09:30:39Z"));
    assertEquals(409, call("regenerate.json").getStatusCode(), "a second before the half hour is up");
    clock.set(Instant.parse("2026-12-02T09:31:00Z"));
    APIGatewayV2HTTPResponse again = call("regenerate.json");
    assertEquals(202, again.getStatusCode(), again.getBody());
    assertEquals(2, HttpEvents.json(again).get("version").asInt(), "the same version, asked for anew");
    List<Map<String, AttributeValue>> requeued = items(Keys.tenant(ACME), "REPORTJOB#2026-11#v2");
    assertEquals(1, requeued.size(), "one work item, written again");
    assertEquals("2026-12-02T09:31:00Z", requeued.getFirst().get("createdAt").s());
    assertEquals(409, call("regenerate.json").getStatusCode(), "the new one is under way");

    assertEquals(List.of(), jobs.handle(event(requeued), Lambda.context("report-jobs")).getBatchItemFailures());
    assertEquals(2, ok(call("list-own.json")).at("/reports/0/version").asInt(), "made this time");
    assertEquals(202, call("regenerate.json").getStatusCode(), "and the next version can be asked for");
  }

  @Test
  void theStreamSamplesOfAFanOutPageAndAWorkItemDoWhatTheySay() {
    Map<String, Object> page = Lambda.jsonEvent("reports/report-jobs/run-page.json");
    assertEquals(List.of(), jobs.handleRequest(page, Lambda.context("report-jobs")).getBatchItemFailures());
    for (TenantId tenant : List.of(ACME, GLOBEX, BROKEN)) {
      assertEquals(1, items(Keys.tenant(tenant), "REPORTJOB#2026-11#v1").size(), "a work item for " + tenant);
    }
    Map<String, Object> job = Lambda.jsonEvent("reports/report-jobs/job.json");
    assertEquals(List.of(), jobs.handleRequest(job, Lambda.context("report-jobs")).getBatchItemFailures());
    assertEquals(1, items(Keys.tenant(ACME), "REPORT#2026-11").size(), "Acme's November is made");
    assertEquals(List.of(), items(Keys.tenant(GLOBEX), "REPORT#2026-11"), "the sample names Acme only");
  }

  // ---------------------------------------------------------------------------------------------

  private String reportsBucket() {
    return wiring.config().get("REPORTS_BUCKET").orElseThrow();
  }

  private void generateNovember() {
    new MonthlyReportsHandler(wiring).handleRequest(Lambda.scheduledEvent("reports/monthly-reports/scheduled.json"),
        Lambda.context("monthly-reports"));
    stream(items("REPORTRUN#2026-11", "PAGE#"));
    jobs.handle(event(items(Keys.tenant(ACME), "REPORTJOB#2026-11#")), Lambda.context("report-jobs"));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return routes.handleRequest(Lambda.httpEvent("reports/reports/" + fixture), Lambda.context("reports"));
  }

  /** The download route's presigned link, fetched: an attachment with the language's file name. */
  private byte[] download(String fixture, String fileName) throws Exception {
    return download(Lambda.httpEvent(fixture), fileName);
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent in(String fixture, String acceptLanguage) {
    var event = Lambda.httpEvent(fixture);
    event.getHeaders().put("accept-language", acceptLanguage);
    return event;
  }

  private byte[] download(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event, String fileName) throws Exception {
    JsonNode link = ok(routes.handleRequest(event, Lambda.context("reports")));
    assertEquals(fileName, link.get("fileName").asText());
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("attachment; filename=\"" + fileName + "\"", pdf.headers().firstValue("content-disposition").orElse(""));
    assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
    return pdf.body();
  }

  private StreamsEventResponse stream(List<Map<String, AttributeValue>> items) {
    return jobs.handle(event(items), Lambda.context("report-jobs"));
  }

  private List<Map<String, AttributeValue>> items(String pk, String prefix) {
    return wiring.table().client().query(r -> r.tableName(wiring.table().name())
        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)))).items();
  }

  /** New items as the table's stream hands them over: INSERT records with their new image. */
  private DynamodbEvent event(List<Map<String, AttributeValue>> items) {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      var image = new java.util.HashMap<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>();
      item.forEach((name, value) -> {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (value.s() != null) {
          converted.setS(value.s());
        } else if (value.n() != null) {
          converted.setN(value.n());
        } else if (value.bool() != null) {
          converted.setBOOL(value.bool());
        } else {
          return;
        }
        image.put(name, converted);
      });
      var change = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
      change.setNewImage(image);
      change.setSequenceNumber(String.format("%021d", ++sequence));
      var record = new DynamodbEvent.DynamodbStreamRecord();
      record.setEventName("INSERT");
      record.setEventID("e" + sequence);
      record.setDynamodb(change);
      records.add(record);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  private Ticket raise(TicketRepository tickets, String category, Priority priority, String title) {
    var reporter = new Actor.Person(JAN, Role.CUSTOMER_USER, "Jan");
    Ticket ticket = Ticket.create(new TicketRef(ACME, tickets.nextNumber(ACME)), TicketType.INCIDENT, category, priority, title,
        "Zie titel.", reporter, List.of(), TicketSource.PORTAL, Optional.empty(), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), reporter,
        clock.instant());
    tickets.create(ticket, List.of(), TicketAudit.of(reporter, clock.instant(), "created", Map.of()));
    return ticket;
  }

  private void customer(TenantId id, Language language) {
    IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(
        id.value().replace("-fixture", "").substring(0, 1).toUpperCase() + id.value().replace("-fixture", "").substring(1),
        List.of(id.value() + ".example.test"), SlaTier.KOPER, language, Optional.empty()), clock.instant(), clock.instant(), 1));
  }

  private void person(UserId id, String name, Membership membership, Language language) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, name.toLowerCase() + "@example.test",
        new UserProfile.PersonName(name, "Fixture", name), language, membership, true, AccountSettings.DEFAULT, clock.instant(),
        clock.instant(), 1));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
