package nl.klantportaal.privacy.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export and erasure of a person on DynamoDB Local, through the real adapters of every context; the
 * ticket items are put as the data model's ticket contract describes them (docs/data-model.md "Ticket items").
 */
class PersonalDataTest {
  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  static final TenantId ACME = new TenantId("acme-privacy");
  static final UserId NOOR = new UserId("0a1b2c3d-0000-4000-8000-00000000aa01");
  static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-00000000ab01");
  static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-00000000ad01");
  static final Caller ADMIN_CALLER = new Caller(ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true,
      Optional.of("beheer@provider.example.test"));

  private KernelWiring wiring;
  private InMemoryUserDirectory directory;
  private ExportPersonalData export;
  private ErasePerson erase;

  @BeforeEach
  void seed() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    var identity = IdentityWiring.of(wiring);
    identity.customers().create(new Customer(ACME, new CustomerDetails("Acme Privacy", List.of("acme-privacy.example.test"),
        SlaTier.KOPER, Language.DE, Optional.empty()), NOW, NOW, 1));
    identity.users().createIfAbsent(new UserProfile(NOOR, "noor@acme-privacy.example.test",
        new UserProfile.PersonName("Noor", "Visser", "Noor Visser"), Language.NL, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER),
        true, AccountSettings.DEFAULT, NOW, NOW, 1));
    directory = new InMemoryUserDirectory();
    directory.add(NOOR, "noor@acme-privacy.example.test");
    var tickets = TicketWiring.of(wiring).personalData();
    var mails = NotificationWiring.of(wiring).mailArchive();
    export = new ExportPersonalData(identity.users(), tickets, mails, wiring.auditTrail(), wiring.clock());
    erase = new ErasePerson(identity.users(), identity.customers(), directory, tickets, mails, wiring.clock());

    // Ticket 7: reported by Noor, an agent's reply, Noor's reply and file, an agent's internal note.
    put(ticket(7, NOOR, "Noor Visser"));
    put(message(7, "2026-12-01T09:00:00Z", "m1", NOOR, "Noor Visser", "customer", "De printer doet het niet", false));
    put(message(7, "2026-12-01T10:00:00Z", "m2", AGENT, "Piet Agent", "provider", "Ik kijk ernaar", false));
    put(message(7, "2026-12-01T10:05:00Z", "n1", AGENT, "Piet Agent", "provider", "Toner bestellen", true));
    put(attachment(7, "f1", NOOR, "Noor Visser"));
    // Ticket 8: someone else's, where Noor wrote a reply (found through the author index).
    put(ticket(8, AGENT, "Piet Agent"));
    put(message(8, "2026-12-02T09:00:00Z", "m3", NOOR, "Noor Visser", "customer", "Ik heb hetzelfde", false));
    // A mail to Noor, and an audit entry about her.
    NotificationWiring.of(wiring).outbox().claim(new OutboxEntry("a".repeat(64), "event-1", MailKind.REPLY, ACME, 7,
        NOOR.value(), "noor@acme-privacy.example.test", "[#acme-privacy-7] Reactie", "Ik kijk ernaar", "<p>Ik kijk ernaar</p>",
        "<m1@klantportaal>", "<root@klantportaal>", OutboxEntry.State.PENDING, 1, Optional.empty(), NOW), NOW.plusSeconds(300));
    wiring.auditTrail().record(new AuditRecord(NOW.minusSeconds(60), ADMIN.value(), "user.linked", AuditObject.user(NOOR.value()),
        Map.of("customer", ACME.value())));
  }

  @Test
  void theExportHoldsTheProfileTheTicketsWithTheirMessagesTheAuditAndTheMail() {
    var archive = export.execute(ADMIN_CALLER, NOOR);

    assertEquals("noor@acme-privacy.example.test", archive.profile().email());
    assertEquals("Noor Visser", archive.profile().displayName());
    assertEquals(Optional.of(ACME.value()), archive.profile().customerId());
    assertEquals(List.of("acme-privacy-7", "acme-privacy-8"), archive.tickets().stream().map(t -> t.token()).sorted().toList());
    var seven = archive.tickets().stream().filter(t -> t.token().endsWith("-7")).findFirst().orElseThrow();
    assertTrue(seven.reported());
    assertEquals(List.of("De printer doet het niet", "Ik kijk ernaar"), seven.messages().stream().map(m -> m.body()).toList(),
        "the public conversation; the agents' internal note is not theirs");
    assertEquals(1, archive.mails().size());
    assertEquals("[#acme-privacy-7] Reactie", archive.mails().get(0).subject());
    assertEquals(List.of("user.linked"), archive.audit().aboutThem().stream()
        .filter(e -> !e.action().equals("user.exported")).map(e -> e.action()).toList());
    assertEquals(List.of("user.exported"), wiring.auditTrail().byActor(ADMIN.value(), PageRequest.first(10)).items().stream()
        .map(AuditRecord::action).filter(a -> a.equals("user.exported")).toList(), "the export is audited");
  }

  @Test
  void erasureLeavesTheTicketsWithFormerUserAndRemovesProfileAccountAndMail() {
    var result = erase.execute(ADMIN_CALLER, NOOR, new ErasePerson.Input("NOOR@acme-privacy.example.test ", 1L));

    assertEquals(4, result.ticketItemsRenamed(), "header of 7, two messages, one attachment");
    assertEquals(1, result.mailsDeleted());
    assertTrue(IdentityWiring.of(wiring).users().find(NOOR).isEmpty(), "the profile is gone");
    assertTrue(IdentityWiring.of(wiring).users().withEmail("noor@acme-privacy.example.test").isEmpty());
    assertThrows(nl.klantportaal.accounts.identity.port.UserDirectory.NoSuchAccount.class, () -> directory.deleteAccount(NOOR),
        "the account left the pool");

    var header = item(7, Keys.TICKET_SK);
    assertEquals("ehemaliger Benutzer", header.get("reporterName").s(), "in the customer's language (German)");
    assertEquals(NOOR.value(), header.get("reporterId").s(), "the id stays");
    assertEquals("2", header.get("version").n(), "changed on its version");
    var mine = item(7, Keys.message("2026-12-01T09:00:00Z", "m1", false));
    assertEquals("ehemaliger Benutzer", mine.get("authorName").s());
    assertEquals("De printer doet het niet", mine.get("body").s(), "the text others need stays");
    assertEquals("Piet Agent", item(7, Keys.message("2026-12-01T10:00:00Z", "m2", false)).get("authorName").s());
    assertEquals("ehemaliger Benutzer", item(8, Keys.message("2026-12-02T09:00:00Z", "m3", false)).get("authorName").s());
    assertEquals("ehemaliger Benutzer", item(7, Keys.ATTACHMENT_PREFIX + "f1").get("uploadedByName").s());
    assertEquals("Piet Agent", item(8, Keys.TICKET_SK).get("reporterName").s());

    var erased = wiring.auditTrail().ofObject(AuditObject.user(NOOR.value()), PageRequest.first(10)).items();
    assertEquals("user.erased", erased.get(0).action());
    assertEquals(ADMIN.value(), erased.get(0).actorId());
    assertFalse(erased.toString().contains("Noor"), "audit entries hold ids only");
    assertEquals(2, erased.size(), "the earlier entry about her stays");
  }

  @Test
  void erasureAsksForTheAddressAndTheVersionAndNeverTheAdminThemself() {
    var refused = assertThrows(DomainException.InvalidInput.class,
        () -> erase.execute(ADMIN_CALLER, NOOR, new ErasePerson.Input("someone@else.example.test", 1L)));
    assertEquals("email", refused.errors().get(0).field());
    assertThrows(DomainException.InvalidInput.class, () -> erase.execute(ADMIN_CALLER, NOOR, new ErasePerson.Input(null, 1L)));
    assertThrows(DomainException.Conflict.class,
        () -> erase.execute(ADMIN_CALLER, NOOR, new ErasePerson.Input("noor@acme-privacy.example.test", 7L)));
    assertThrows(DomainException.NotFound.class,
        () -> erase.execute(ADMIN_CALLER, AGENT, new ErasePerson.Input("piet@provider.example.test", 1L)));
    assertTrue(IdentityWiring.of(wiring).users().find(NOOR).isPresent(), "nothing erased");
    assertEquals("Noor Visser", item(7, Keys.TICKET_SK).get("reporterName").s());
  }

  @Test
  void anInterruptedErasureIsFinishedByRepeatingIt() {
    directory.deleteAccount(NOOR); // the pool's step ran, then the function died
    var result = erase.execute(ADMIN_CALLER, NOOR, new ErasePerson.Input("noor@acme-privacy.example.test", 1L));
    assertEquals(NOOR.value(), result.userId());
    assertTrue(IdentityWiring.of(wiring).users().find(NOOR).isEmpty());
  }

  // --- the ticket contract's items ------------------------------------------------------------------

  private void put(Map<String, AttributeValue> item) {
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(item));
  }

  private Map<String, AttributeValue> item(long number, String sk) {
    return wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(Keys.ticket(ACME, number)), Keys.SK, s(sk)))).item();
  }

  private static Map<String, AttributeValue> ticket(long number, UserId reporter, String name) {
    Map<String, AttributeValue> item = base(number, Keys.TICKET_SK, "Ticket");
    item.put("title", s("Printer " + number));
    item.put("status", s("open"));
    item.put("reporterId", s(reporter.value()));
    item.put("reporterName", s(name));
    item.put("createdAt", s("2026-12-01T08:00:00Z"));
    item.put("version", AttributeValue.fromN("1"));
    item.put(Keys.GSI1PK, s(Keys.reporterTickets(ACME, reporter)));
    item.put(Keys.GSI1SK, s("2026-12-01T08:00:00Z#" + number));
    return item;
  }

  private static Map<String, AttributeValue> message(long number, String at, String id, UserId author, String name, String side,
      String body, boolean internal) {
    Map<String, AttributeValue> item = base(number, Keys.message(at, id, internal), internal ? "Note" : "Message");
    item.put("id", s(id));
    item.put("authorId", s(author.value()));
    item.put("authorName", s(name));
    item.put("authorSide", s(side));
    item.put("body", s(body));
    item.put("at", s(at));
    item.put(Keys.GSI5PK, s(Keys.messagesBy(author.value())));
    item.put(Keys.GSI5SK, s(at + "#" + Keys.ticket(ACME, number)));
    return item;
  }

  private static Map<String, AttributeValue> attachment(long number, String id, UserId by, String name) {
    Map<String, AttributeValue> item = base(number, Keys.ATTACHMENT_PREFIX + id, "Attachment");
    item.put("uploadedBy", s(by.value()));
    item.put("uploadedByName", s(name));
    item.put("fileName", s("foto.png"));
    return item;
  }

  private static Map<String, AttributeValue> base(long number, String sk, String type) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(Keys.ticket(ACME, number)));
    item.put(Keys.SK, s(sk));
    item.put("type", s(type));
    item.put("tenantId", s(ACME.value()));
    item.put("number", AttributeValue.fromN(Long.toString(number)));
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
