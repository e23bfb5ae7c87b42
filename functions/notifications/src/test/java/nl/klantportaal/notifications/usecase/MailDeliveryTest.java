package nl.klantportaal.notifications.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender by purpose, through the wiring the functions use (DirectMail, the outbox on DynamoDB Local,
 * MailDelivery): an invoice comes from ADMIN_SENDER_ADDRESS with its PDF, every other mail from the
 * default or the recipient domain's route; the configuration set is the route's or the default's either way.
 */
class MailDeliveryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final TenantId ACME = new TenantId("acme");
  private static final String DEFAULT = "Klantportaal <no-reply@example.test>";
  private static final String ADMINISTRATION = "Klantportaal administratie <administratie@example.test>";
  private static final MailSender.Attachment PDF = new MailSender.Attachment("Factuur 2026-0042.pdf", "application/pdf",
      "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));

  private Map<String, String> env;
  private RecordingMailSender mail;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    env.put("SENDER_ADDRESS", DEFAULT);
    env.put("ADMIN_SENDER_ADDRESS", ADMINISTRATION);
    env.put("MAIL_CONFIGURATION_SET", "kp-default");
    mail = new RecordingMailSender();
  }

  private NotificationWiring wiring(Instant at) {
    return NotificationWiring.of(new KernelWiring(Config.fromEnvironment(env), Clock.fixed(at, ZoneOffset.UTC)));
  }

  private static DirectMail.Message invoice(String to) {
    return new DirectMail.Message(MailKind.INVOICE, ACME, "ilse", to, "Factuur 2026-0042", "In de bijlage uw factuur.",
        "<p>In de bijlage uw factuur.</p>", Optional.of(PDF));
  }

  private static DirectMail.Message hours(String to) {
    return new DirectMail.Message(MailKind.HOURS, ACME, "ilse", to, "Uw urenbundel is bijna op", "Nog 2 uur.", "<p>Nog 2 uur.</p>");
  }

  private MailSender.ThreadedMail sentWithSubject(String subject) {
    List<MailSender.ThreadedMail> sent = mail.sent().stream().filter(m -> m.subject().equals(subject)).toList();
    assertEquals(1, sent.size(), mail.sent().toString());
    return sent.getFirst();
  }

  @Test
  void anInvoiceComesFromTheAdministrativeSenderWithItsPdfAndOtherMailFromTheDefault() {
    DirectMail direct = wiring(NOW).directMail(mail);
    assertTrue(direct.sendOnce("INVOICE#acme#2026-0042", "i.acme", invoice("it@acme.example.test")));
    assertTrue(direct.sendOnce("HOURS#acme#80", "h.acme", hours("it@acme.example.test")));

    var invoice = sentWithSubject("Factuur 2026-0042");
    assertEquals(ADMINISTRATION, invoice.from());
    assertEquals(Optional.of("kp-default"), invoice.configurationSet(), "the default configuration set still applies");
    assertEquals(List.of(PDF), invoice.attachments());

    var hours = sentWithSubject("Uw urenbundel is bijna op");
    assertEquals(DEFAULT, hours.from());
    assertEquals(Optional.of("kp-default"), hours.configurationSet());
    assertEquals(List.of(), hours.attachments());
  }

  @Test
  void aRoutedDomainKeepsItsConfigurationSetForInvoicesButNotItsSender() {
    wiring(NOW).mailRoutes().put(new MailRoute("acme.example.test", "alt-provider", "servicedesk@mail2.example.test", NOW,
        "admin", 1), nl.klantportaal.notifications.port.MailRoutes.Mode.CREATE);
    DirectMail direct = wiring(NOW).directMail(mail);
    direct.sendOnce("INVOICE#acme#2026-0042", "i.acme", invoice("it@acme.example.test"));
    direct.sendOnce("HOURS#acme#80", "h.acme", hours("it@acme.example.test"));

    var invoice = sentWithSubject("Factuur 2026-0042");
    assertEquals(ADMINISTRATION, invoice.from());
    assertEquals(Optional.of("alt-provider"), invoice.configurationSet(), "the domain's servers accept only that provider");
    var hours = sentWithSubject("Uw urenbundel is bijna op");
    assertEquals("servicedesk@mail2.example.test", hours.from());
    assertEquals(Optional.of("alt-provider"), hours.configurationSet());
  }

  @Test
  void withoutAdminSenderAddressAnInvoiceComesFromTheDefaultSender() {
    env.remove("ADMIN_SENDER_ADDRESS");
    assertTrue(wiring(NOW).directMail(mail).sendOnce("INVOICE#acme#2026-0042", "i.acme", invoice("it@acme.example.test")));
    var invoice = sentWithSubject("Factuur 2026-0042");
    assertEquals(DEFAULT, invoice.from());
    assertEquals(List.of(PDF), invoice.attachments());
  }

  @Test
  void aFailedInvoiceIsRetriedFromTheOutboxWithItsPdfAndSender() {
    mail.failing(true);
    assertTrue(wiring(NOW).directMail(mail).sendOnce("INVOICE#acme#2026-0042", "i.acme", invoice("it@acme.example.test")));
    assertEquals(List.of(), mail.sent());

    mail.failing(false);
    Instant later = NOW.plus(Duration.ofMinutes(6));
    assertEquals(1, wiring(later).retryDueMail(mail).execute(later).sent());
    var invoice = sentWithSubject("Factuur 2026-0042");
    assertEquals(ADMINISTRATION, invoice.from());
    assertEquals(List.of(PDF), invoice.attachments(), "the PDF came back out of the outbox item");
  }

  @Test
  void anAttachmentTheOutboxCannotKeepIsRefusedAndNothingIsSent() {
    var tooLarge = new DirectMail.Message(MailKind.INVOICE, ACME, "ilse", "it@acme.example.test", "Jaaroverzicht", "t", "<p>h</p>",
        Optional.of(new MailSender.Attachment("jaaroverzicht.pdf", "application/pdf",
            new byte[DynamoDbOutbox.MAX_ATTACHMENT_BYTES + 1])));
    DirectMail direct = wiring(NOW).directMail(mail);
    assertThrows(IllegalArgumentException.class, () -> direct.sendOnce("INVOICE#acme#year", "i.acme", tooLarge));
    assertEquals(List.of(), mail.sent());
    assertTrue(direct.sendOnce("INVOICE#acme#year", "i.acme", invoice("it@acme.example.test")),
        "nothing was claimed under the event key, so a smaller file can still be sent");
  }

  @Test
  void mailToAnAddressThatBouncedForGoodIsNotSentUntilStaffClearIt() {
    NotificationWiring notifications = wiring(NOW);
    var failing = notifications.failingAddresses();
    failing.mark(new nl.klantportaal.notifications.domain.FailingAddress("IT@acme.example.test",
        nl.klantportaal.notifications.domain.FailingAddress.Reason.PERMANENT_BOUNCE, "5.1.1 user unknown", NOW));
    DirectMail direct = notifications.directMail(mail);
    assertTrue(direct.sendOnce("HOURS#acme#80", "h.acme", hours("it@acme.example.test")), "claimed, then refused");
    assertTrue(mail.sent().isEmpty(), "nothing goes to a failing address, whatever its case");
    assertTrue(direct.sendOnce("HOURS#acme#95", "h.acme", hours("jan@acme.example.test")));
    assertEquals(1, mail.sent().size(), "other addresses are mailed");

    var listed = failing.list(new nl.klantportaal.core.paging.PageRequest(Optional.empty(), 10)).items();
    assertEquals(List.of("it@acme.example.test"), listed.stream().map(f -> f.address()).toList());
    assertEquals("5.1.1 user unknown", listed.getFirst().detail());
    assertTrue(failing.clear(listed.getFirst().id(), nl.klantportaal.core.audit.AuditRecord.of(NOW, "admin", "failing-address-cleared", new nl.klantportaal.core.audit.AuditObject("failing-address", listed.getFirst().id()))));
    assertTrue(!failing.clear(listed.getFirst().id(), nl.klantportaal.core.audit.AuditRecord.of(NOW, "admin", "failing-address-cleared", new nl.klantportaal.core.audit.AuditObject("failing-address", listed.getFirst().id()))), "cleared once");
    assertTrue(direct.sendOnce("HOURS#acme#100", "h.acme", hours("it@acme.example.test")));
    assertEquals(2, mail.sent().size(), "a cleared address is mailed again");
  }

  private static OutboxEntry slaWarning(String id, String to) {
    return new OutboxEntry(id, "SLA#" + id, MailKind.SLA_WARNING, ACME, 42, id, to, "SLA-waarschuwing " + id, "t", "<p>h</p>",
        Optional.empty(), "<" + id + "@example.test>", "<root@example.test>", OutboxEntry.State.PENDING, 1,
        Optional.of(NOW.plus(Duration.ofMinutes(5))), NOW);
  }

  @Test
  void aBatchReadsEachAddressAndRouteOnceSendsAndMarksTheSentTogether() {
    NotificationWiring notifications = wiring(NOW);
    notifications.mailRoutes().put(new MailRoute("acme.example.test", "alt-provider", "servicedesk@mail2.example.test", NOW,
        "admin", 1), nl.klantportaal.notifications.port.MailRoutes.Mode.CREATE);
    notifications.failingAddresses().mark(new FailingAddress("gone@acme.example.test", FailingAddress.Reason.PERMANENT_BOUNCE,
        "5.1.1 user unknown", NOW));
    Outbox outbox = notifications.outbox();
    List<OutboxEntry> first = List.of(slaWarning("w1", "anna@acme.example.test"), slaWarning("w2", "gone@acme.example.test"),
        slaWarning("w3", "bob@example.test"));
    first.forEach(entry -> outbox.claim(entry, NOW.plus(Duration.ofMinutes(5))));
    MailDelivery.Batch batch = notifications.mailDelivery(mail).batch();

    assertEquals(List.of(MailDelivery.Outcome.SENT, MailDelivery.Outcome.ADDRESS_FAILING, MailDelivery.Outcome.SENT),
        batch.attemptAll(first));
    assertEquals("servicedesk@mail2.example.test", sentWithSubject("SLA-waarschuwing w1").from(), "the route of acme's domain");
    assertEquals(DEFAULT, sentWithSubject("SLA-waarschuwing w3").from());
    assertEquals(OutboxEntry.State.PENDING, outbox.find("w1").orElseThrow().state(), "sent, marked with the batch's others");
    assertEquals(OutboxEntry.State.FAILED, outbox.find("w2").orElseThrow().state(), "a failing address is given up at once");

    assertEquals(2, batch.markSent());
    assertEquals(OutboxEntry.State.SENT, outbox.find("w1").orElseThrow().state());
    assertEquals(OutboxEntry.State.SENT, outbox.find("w3").orElseThrow().state());
    assertEquals(0, batch.markSent(), "nothing left to mark");

    // The batch read anna's mark (none) and acme's route once: a bounce or a route edit during the batch
    // counts from the next batch on.
    notifications.failingAddresses().mark(new FailingAddress("anna@acme.example.test", FailingAddress.Reason.COMPLAINT,
        "spam", NOW));
    notifications.mailRoutes().delete("acme.example.test", 1, nl.klantportaal.core.audit.AuditRecord.of(NOW, "admin",
        "mail-route-deleted", new nl.klantportaal.core.audit.AuditObject("mail-route", "acme.example.test")));
    outbox.claim(slaWarning("w4", "anna@acme.example.test"), NOW.plus(Duration.ofMinutes(5)));
    assertEquals(List.of(MailDelivery.Outcome.SENT), batch.attemptAll(List.of(slaWarning("w4", "anna@acme.example.test"))));
    assertEquals("servicedesk@mail2.example.test", sentWithSubject("SLA-waarschuwing w4").from());
    assertEquals(1, batch.markSent());

    MailDelivery.Batch next = notifications.mailDelivery(mail).batch();
    outbox.claim(slaWarning("w5", "anna@acme.example.test"), NOW.plus(Duration.ofMinutes(5)));
    assertEquals(List.of(MailDelivery.Outcome.ADDRESS_FAILING), next.attemptAll(List.of(slaWarning("w5", "anna@acme.example.test"))));
    assertEquals(3, mail.sent().size(), "w1, w3 and w4; nothing to gone@ or, in the next batch, to anna@");
  }
}
