package nl.klantportaal.knowledge.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.notice.adapter.dynamodb.DynamoDbNotices;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;
import nl.klantportaal.knowledge.notice.domain.NoticeStatus;
import nl.klantportaal.knowledge.notice.wiring.NoticeWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notices through the handler on DynamoDB Local: who sees what, the public status page, and the mail — exactly the
 * affected customers' admins with the notices preference on, once per occasion, also when the sending runs again.
 */
class NoticesHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final TenantId ACME = new TenantId("acme-fixture");
  static final TenantId GLOBEX = new TenantId("globex-fixture");
  static final TenantId INITECH = new TenantId("initech-fixture");
  private MovableClock clock;
  private KernelWiring wiring;
  private RecordingMailSender mail;
  private NoticesHandler handler;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    clock = new MovableClock(NOW);
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())), clock);
    for (TenantId id : List.of(ACME, GLOBEX, INITECH)) {
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value(),
          List.of(id.value() + ".example.test"), SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    }
    person("0a1b2c3d-0000-4000-8000-0000000c0001", "Jan", Language.NL, ACME, Role.CUSTOMER_USER, true);
    person("0a1b2c3d-0000-4000-8000-0000000c0002", "Anna", Language.NL, ACME, Role.CUSTOMER_ADMIN, true);
    person("0a1b2c3d-0000-4000-8000-0000000c0003", "Bram", Language.EN, ACME, Role.CUSTOMER_ADMIN, true);
    person("0a1b2c3d-0000-4000-8000-0000000c0004", "Cees", Language.NL, ACME, Role.CUSTOMER_ADMIN, false);
    person("0a1b2c3d-0000-4000-8000-0000000c0008", "Greta", Language.DE, GLOBEX, Role.CUSTOMER_ADMIN, true);
    person("0a1b2c3d-0000-4000-8000-0000000c0009", "Eve", Language.NL, GLOBEX, Role.CUSTOMER_USER, true);
    person("0a1b2c3d-0000-4000-8000-0000000c0010", "Ivo", Language.EN, INITECH, Role.CUSTOMER_ADMIN, true);
    IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.staff(new UserId("0a1b2c3d-0000-4000-8000-0000000a0001"),
        "agent@provider.example.test", new UserProfile.PersonName("Agent", "Smit", "Agent Smit"), Language.NL, Role.PROVIDER_AGENT, NOW));
    mail = new RecordingMailSender();
    handler = new NoticesHandler(wiring, mail);
  }

  private void person(String sub, String name, Language language, TenantId customer, Role role, boolean notices) {
    var all = AccountSettings.Notifications.ALL;
    var settings = new AccountSettings(new AccountSettings.Notifications(true, all.tickets(), all.reports(), all.hourBundles(),
        all.subscriptions(), notices), List.of(), false);
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(new UserId(sub), name.toLowerCase() + "@" + customer.value()
        + ".example.test", new UserProfile.PersonName(name, "Fixture", name), language, new Membership.CustomerMember(customer, role),
        true, settings, NOW, NOW, 1));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("knowledge/notices/" + fixture), Lambda.context("notices"));
  }

  private APIGatewayV2HTTPResponse on(String fixture, String id) {
    return handler.handleRequest(HttpEvents.withPathParameter(Lambda.httpEvent("knowledge/notices/" + fixture), "noticeId", id),
        Lambda.context("notices"));
  }

  private List<String> recipients() {
    return mail.sent().stream().map(m -> m.to()).sorted().toList();
  }

  @Test
  void aNoticeForOneCustomerIsMailedOnceToItsAdminsWhoWantNoticesAndSeenOnlyByThatCustomer() {
    APIGatewayV2HTTPResponse created = call("create-notice.json");
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode notice = HttpEvents.json(created);
    String id = notice.get("noticeId").asText();
    assertTrue(id.matches("ntc-20261123-[a-z0-9]{6}"), id);
    assertEquals("acme-fixture", notice.get("affects").get("customers").get(0).asText(), "staff see whom it affects");
    assertEquals("investigating", notice.get("status").asText());

    // Acme's two admins who keep the preference on; not Cees (off), not Jan (a user), nobody of Globex or Initech.
    assertEquals(List.of("anna@acme-fixture.example.test", "bram@acme-fixture.example.test"), recipients());
    var anna = mail.sent().stream().filter(m -> m.to().startsWith("anna")).findFirst().orElseThrow();
    assertEquals("[Storing] Microsoft 365: Mail komt vertraagd binnen", anna.subject());
    var bram = mail.sent().stream().filter(m -> m.to().startsWith("bram")).findFirst().orElseThrow();
    assertEquals("[Outage] Microsoft 365: Mail arrives late", bram.subject(), "in the recipient's language");

    JsonNode own = HttpEvents.ok(call("list-notices.json")).get("items");
    assertEquals(1, own.size());
    assertFalse(own.get(0).has("affects"), "customers never see whom a notice affects");
    assertEquals(id, HttpEvents.ok(on("get-notice.json", id)).get("noticeId").asText());
    assertEquals(0, HttpEvents.ok(call("list-notices-as-other-customer.json")).get("items").size());
    assertProblem(on("get-notice-as-other-customer.json", id), 404, "not-found");

    APIGatewayV2HTTPResponse page = call("get-public-status.json");
    JsonNode status = HttpEvents.ok(page);
    assertEquals(1, status.get("current").size());
    assertEquals(0, status.get("past").size());
    assertFalse(status.get("current").get(0).has("affects"));
    assertFalse(page.getBody().contains("acme-fixture"), "the status page names no customer");
    assertEquals("Mail arrives late", HttpEvents.ok(call("get-public-status-en.json")).get("current").get(0).get("title").asText());
    var german = HttpEvents.withQuery(Lambda.httpEvent("knowledge/notices/get-public-status.json"), "lang", "de");
    assertEquals("E-Mails kommen verzögert an", HttpEvents.ok(handler.handleRequest(german, Lambda.context("notices")))
        .get("current").get(0).get("title").asText(), "?lang= wins over Accept-Language");
    var french = HttpEvents.withQuery(Lambda.httpEvent("knowledge/notices/get-public-status.json"), "lang", "fr");
    assertProblem(handler.handleRequest(french, Lambda.context("notices")), 400, "validation-failed");
    JsonNode staff = HttpEvents.ok(on("get-notice-as-staff.json", id));
    assertEquals("E-Mails kommen verzögert an", staff.get("title").asText());
    assertEquals("de", staff.get("language").asText());
    assertEquals("acme-fixture", staff.get("affects").get("customers").get(0).asText());
  }

  @Test
  void eachStatusChangeIsMailedOnceAndAnUpdateThatKeepsTheStatusIsNot() {
    String id = HttpEvents.json(call("create-notice.json")).get("noticeId").asText();
    assertEquals(2, mail.sent().size());
    clock.advance(Duration.ofMinutes(30));
    JsonNode identified = HttpEvents.json(on("update-notice.json", id));
    assertEquals("identified", identified.get("status").asText());
    assertEquals(2, identified.get("version").asInt());
    assertEquals("2026-11-23T14:00:00Z", identified.get("expectedEndAt").asText());
    assertEquals(4, mail.sent().size());
    assertEquals(List.of("[Outage] Microsoft 365: Mail arrives late (Identified)",
        "[Storing] Microsoft 365: Mail komt vertraagd binnen (Oorzaak gevonden)"),
        mail.sent().subList(2, 4).stream().map(m -> m.subject()).sorted().toList());

    assertEquals(201, on("update-notice.json", id).getStatusCode(), "more news in the same status");
    assertEquals(4, mail.sent().size(), "no mail for an update that keeps the status");

    clock.advance(Duration.ofHours(1));
    JsonNode resolved = HttpEvents.json(on("update-notice-resolved.json", id));
    assertFalse(resolved.get("current").asBoolean());
    assertEquals(clock.instant().toString(), resolved.get("endedAt").asText());
    assertEquals(3, resolved.get("updates").size());
    assertEquals("resolved", resolved.get("updates").get(0).get("status").asText(), "newest first");
    assertEquals(6, mail.sent().size());
    assertProblem(on("update-notice-resolved.json", id), 409, "illegal-state");

    JsonNode status = HttpEvents.ok(call("get-public-status.json"));
    assertEquals(0, status.get("current").size());
    assertEquals(1, status.get("past").size());
    assertEquals(1, HttpEvents.ok(call("list-past-notices-as-staff.json")).get("items").size());
    clock.advance(Duration.ofDays(91));
    assertEquals(0, HttpEvents.ok(call("get-public-status.json")).get("past").size(), "past means ended within 90 days");
  }

  @Test
  void sendingAgainForTheSameOccasionMailsNobodyTwice() {
    String id = HttpEvents.json(call("create-notice-for-all.json")).get("noticeId").asText();
    // Every customer's admins with the preference on: Anna, Bram (Acme), Greta (Globex), Ivo (Initech).
    assertEquals(List.of("anna@acme-fixture.example.test", "bram@acme-fixture.example.test", "greta@globex-fixture.example.test",
        "ivo@initech-fixture.example.test"), recipients());
    var mails = NoticeWiring.of(wiring, mail).mails();
    assertEquals(0, mails.execute(NoticeOccasion.created(id)), "a re-run finds every claim taken");
    assertEquals(4, mail.sent().size());
  }

  @Test
  void aRunCutShortIsFinishedByTheScheduleOnceForEachRecipient() {
    // The write and its pending mailing happened, the run stopped before the outbox: nothing was sent.
    String id = HttpEvents.json(call("create-notice.json")).get("noticeId").asText();
    var repository = new DynamoDbNotices(wiring.table());
    var current = repository.find(id).orElseThrow();
    var moved = current.update(NoticeStatus.MONITORING, Optional.empty(), Map.of(Language.NL, "Wij volgen het.", Language.EN,
        "We are monitoring.", Language.DE, "Wir beobachten es."), "agent", clock.instant());
    repository.update(moved.notice(), moved.occasion(), AuditRecord.of(clock.instant(), "agent", "notice-updated",
        new nl.klantportaal.core.audit.AuditObject("notice", id)));
    int before = mail.sent().size();

    var schedule = new NoticeMailsHandler(wiring, mail);
    schedule.handleRequest(Lambda.scheduledEvent("knowledge/notice-mails/schedule.json"), Lambda.context("notice-mails"));
    assertEquals(before, mail.sent().size(), "a mailing younger than two minutes may still be in its own run");
    clock.advance(Duration.ofMinutes(3));
    var answer = schedule.handleRequest(Lambda.scheduledEvent("knowledge/notice-mails/schedule.json"), Lambda.context("notice-mails"));
    assertEquals(2, answer.get("mailsSent"));
    assertEquals(List.of("[Outage] Microsoft 365: Mail arrives late (Monitoring)",
        "[Storing] Microsoft 365: Mail komt vertraagd binnen (Wordt gevolgd)"),
        mail.sent().subList(before, before + 2).stream().map(m -> m.subject()).sorted().toList());
    clock.advance(Duration.ofMinutes(10));
    schedule.handleRequest(Lambda.scheduledEvent("knowledge/notice-mails/schedule.json"), Lambda.context("notice-mails"));
    assertEquals(before + 2, mail.sent().size(), "done: the next run finds nothing pending");
  }

  @Test
  void aStaleVersionLosesTheConditionalWrite() {
    String id = HttpEvents.json(call("create-notice.json")).get("noticeId").asText();
    var repository = new DynamoDbNotices(wiring.table());
    var read = repository.find(id).orElseThrow();
    var first = read.update(NoticeStatus.IDENTIFIED, Optional.empty(), Map.of(Language.NL, "a", Language.EN, "b", Language.DE, "c"),
        "agent", clock.instant());
    var second = read.update(NoticeStatus.MONITORING, Optional.empty(), Map.of(Language.NL, "a", Language.EN, "b", Language.DE, "c"),
        "agent", clock.instant());
    var audit = AuditRecord.of(clock.instant(), "agent", "notice-updated", new nl.klantportaal.core.audit.AuditObject("notice", id));
    repository.update(first.notice(), first.occasion(), audit);
    var lost = org.junit.jupiter.api.Assertions.assertThrows(DomainException.Conflict.class,
        () -> repository.update(second.notice(), second.occasion(), audit));
    assertEquals(DomainException.Conflict.Kind.VERSION, lost.kind());
    assertEquals(NoticeStatus.IDENTIFIED, repository.find(id).orElseThrow().status());
  }

  @Test
  void everyChangeIsAudited() {
    String id = HttpEvents.json(call("create-notice.json")).get("noticeId").asText();
    clock.advance(Duration.ofMinutes(5));
    on("update-notice.json", id);
    var trail = wiring.auditTrail();
    var entries = trail.ofObject(new nl.klantportaal.core.audit.AuditObject("notice", id),
        nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(List.of("notice-created", "notice-updated"), entries.stream().map(AuditRecord::action).sorted().toList());
    assertTrue(entries.stream().allMatch(e -> e.actorId().equals("0a1b2c3d-0000-4000-8000-0000000a0001")));
    assertEquals("identified", entries.stream().filter(e -> e.action().equals("notice-updated")).findFirst().orElseThrow()
        .details().get("to"));
  }

  @Test
  void onlyProviderStaffWriteAndBadInputIsRefusedWithItsFields() {
    assertProblem(call("create-notice-as-customer.json"), 403, "forbidden");
    assertProblem(on("update-notice-as-customer.json", "ntc-20261123-abcdef"), 403, "forbidden");
    var invalid = call("create-notice-invalid.json");
    assertProblem(invalid, 400, "validation-failed");
    for (String field : List.of("service", "affects", "startsAt", "texts.en")) {
      assertTrue(invalid.getBody().contains("\"" + field), field + " in " + invalid.getBody());
    }
    assertProblem(on("update-notice-invalid.json", "ntc-20261123-abcdef"), 400, "validation-failed");
    assertProblem(on("update-notice.json", "ntc-20261123-abcdef"), 404, "not-found");
    assertProblem(on("get-notice.json", "../../etc"), 404, "not-found");
    assertProblem(call("list-notices-bad-state.json"), 400, "validation-failed");
    assertProblem(call("list-notices-as-pending.json"), 403, "forbidden");
    assertEquals(0, mail.sent().size());
  }
}
