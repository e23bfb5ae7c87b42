package nl.klantportaal.inboundmail.handler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
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
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.inboundmail.domain.Corpus;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.tickets.adapter.s3.ObjectKeys;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.TestEnvironment;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The function on DynamoDB Local and s3proxy: the SES event of events/inbound-mail/inbound-mail/, the
 * raw MIME at INBOUND_MAIL_PREFIX + its message id (in the inbound bucket), tickets and replies through
 * the ticket use cases, a mail's files as ticket attachments in ATTACHMENTS_BUCKET (a bucket of its own).
 */
class InboundMailHandlerTest {
  private static final TenantId ACME = new TenantId("acme-k3j9pq");
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0101");
  private static final UserId PENDING = new UserId("0a1b2c3d-0000-4000-8000-0000000c0102");
  private static final String RECEIVED = "inbound-mail/inbound-mail/received.json";
  private static final String FAILED = "inbound-mail/inbound-mail/verdicts-failed.json";

  private final RecordingMailSender mail = new RecordingMailSender();
  private KernelWiring wiring;
  private InboundMailHandler handler;
  private String bucket;
  private String attachmentsBucket;

  @BeforeEach
  void acmeWithJan() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTableAndBucket(dynamoDb, dynamoDb.createPortalTable(), LocalS3.shared());
    attachmentsBucket = env.get("ATTACHMENTS_BUCKET");
    bucket = LocalS3.shared().createBucket();
    env.put("INBOUND_MAIL_BUCKET", bucket);
    env.put("INBOUND_MAIL_PREFIX", "mail/");
    env.put("SENDER_ADDRESS", "Klantportaal <no-reply@klantportaal.example>");
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(Instant.parse("2026-11-03T09:15:00Z"), ZoneOffset.UTC));
    IdentityWiring.of(wiring).customers().create(new Customer(ACME, new CustomerDetails("Acme", List.of("acme.example"),
        SlaTier.KOPER, Language.NL, Optional.empty()), wiring.clock().instant(), wiring.clock().instant(), 1));
    person(JAN, "jan@acme.example", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    person(PENDING, "piet@acme.example", new Membership.Pending());
    handler = new InboundMailHandler(wiring, mail);
  }

  @Test
  void aMailFromALinkedUserBecomesAnEmailTicketOnceEvenWhenDeliveredTwice() {
    store("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "human/attachments-pdf-and-inline.eml");
    Map<String, Object> first = handle(RECEIVED);
    assertEquals("ticket-created", outcome(first));
    Ticket ticket = ticket(1);
    assertEquals(TicketSource.EMAIL, ticket.source());
    assertEquals("Foutmelding bij opstarten", ticket.title());
    assertEquals("Zie de schermafdruk en het rapport.", ticket.description(), "stored files are not listed as not taken over");
    assertEquals(JAN, ticket.reporter());
    assertEquals(List.of("bijlage-1.png", "rapport février.pdf"), attachments(ticket.ref()).stream().map(TicketAttachment::fileName)
        .sorted().toList(), "the inline image and the PDF are the ticket's attachments");

    // Jan hears his mail's ticket number (his own change brings him no ticket mail), with the token a reply threads by.
    var received = mail.sent().stream().filter(m -> m.subject().startsWith("[#acme-k3j9pq-1] Uw melding is ontvangen: ")).toList();
    assertEquals(1, received.size(), mail.sent().toString());
    assertEquals("jan@acme.example", received.getFirst().to());
    assertEquals("[#acme-k3j9pq-1] Uw melding is ontvangen: Foutmelding bij opstarten", received.getFirst().subject());
    assertTrue(received.getFirst().text().contains("er ticket #1 van gemaakt") && received.getFirst().text()
        .contains("https://portal.example.test/#/tickets/acme-k3j9pq-1"), received.getFirst().text());

    assertEquals("duplicate", outcome(handle(RECEIVED)));
    assertTrue(SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(2))).isEmpty(), "no second ticket");
    assertEquals(2, attachments(ticket.ref()).size(), "no second attachments");
    assertEquals(1, mail.sent().stream().filter(m -> m.subject().contains("Uw melding is ontvangen")).count(), "told once");
  }

  @Test
  void aMailsFilesAreStoredByteForByteAsTheTicketsAttachmentsAndTheRefusedAreListedWithTheirReason() {
    byte[] pdf = pdf(40_000);
    byte[] png = png(3_000);
    byte[] exe = exe();
    byte[] big = pdf((int) PendingUpload.MAX_SIZE + 1);
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", multipart("<files-1@acme.example>", "Subject: Scanner geeft foutcode",
        "Zie het rapport, de schermafdruk staat hieronder.",
        part("application/pdf; name=\"rapport.pdf\"", "attachment; filename=\"rapport.pdf\"", Optional.empty(), pdf),
        part("image/png", "inline", Optional.of("<shot@acme.example>"), png),
        part("application/x-msdownload; name=\"setup.exe\"", "attachment; filename=\"setup.exe\"", Optional.empty(), exe),
        part("application/pdf; name=\"groot.pdf\"", "attachment; filename=\"groot.pdf\"", Optional.empty(), big)));
    assertEquals("ticket-created", outcome(handle(RECEIVED)));

    Ticket ticket = ticket(1);
    List<TicketAttachment> stored = attachments(ticket.ref());
    assertEquals(List.of("rapport.pdf", "bijlage-1.png"), stored.stream().map(TicketAttachment::fileName).toList());
    assertEquals(List.of(AttachmentKind.PDF, AttachmentKind.PNG), stored.stream().map(TicketAttachment::kind).toList());
    assertTrue(stored.stream().allMatch(a -> a.uploadedBy().equals(JAN) && a.uploadedByName().equals("Jan")), stored.toString());
    assertArrayEquals(pdf, object(stored.get(0)), "the PDF byte for byte");
    assertArrayEquals(png, object(stored.get(1)), "the inline image byte for byte");
    var head = LocalS3.shared().client().headObject(r -> r.bucket(attachmentsBucket).key(key(stored.get(0))));
    assertEquals("application/pdf", head.contentType());
    assertTrue(head.contentDisposition().startsWith("attachment; filename=\"rapport.pdf\""), head.contentDisposition());

    String description = ticket.description();
    assertTrue(description.startsWith("Zie het rapport, de schermafdruk staat hieronder."), description);
    assertTrue(description.contains("Bijlagen uit de e-mail die niet zijn overgenomen:\n"
        + "- setup.exe (application/x-msdownload, 16 B): dit bestandstype wordt niet aangenomen\n"
        + "- groot.pdf (application/pdf, 25.0 MiB): groter dan 25 MiB"), description);
    assertFalse(description.contains("rapport.pdf") || description.contains("bijlage-1.png"), description);

    var audit = SlaWiring.of(wiring).tickets().thread(ticket.ref(), true).orElseThrow().audit().stream()
        .filter(a -> a.action().equals("attachment-added")).toList();
    assertEquals(2, audit.size(), audit.toString());
    assertTrue(audit.stream().allMatch(a -> "email".equals(a.details().get("source"))
        && "<files-1@acme.example>".equals(a.details().get("mailMessageId")) && a.actorId().equals(JAN.value())), audit.toString());

    assertEquals("duplicate", outcome(handle(RECEIVED)));
    assertEquals(2, attachments(ticket.ref()).size(), "a second delivery adds nothing");
    assertEquals(2, LocalS3.shared().client().listObjectsV2(r -> r.bucket(attachmentsBucket).prefix("attachments/")).keyCount());
  }

  @Test
  void theFilesInAnOutlookWinmailDatAreTheTicketsAttachmentsByteForByteAndItsRefusedKindIsListed() throws Exception {
    // A real Outlook 2003 winmail.dat (docs/inbound-mail.md, "Tests"): a JPEG photo and an HTML bookmarks file, with an RTF copy of the text.
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", new String(Corpus.raw("human/outlook-tnef-files-inside.eml"),
        StandardCharsets.US_ASCII).replace("hans@acme.example", "jan@acme.example"));
    assertEquals("ticket-created", outcome(handle(RECEIVED)));

    Ticket ticket = ticket(1);
    List<TicketAttachment> stored = attachments(ticket.ref());
    assertEquals(List.of("zappa_av1.jpg"), stored.stream().map(TicketAttachment::fileName).toList(),
        "the long name, not the TNEF title's ZAPPA_~2.JPG");
    assertEquals(AttachmentKind.JPEG, stored.getFirst().kind());
    byte[] photo = object(stored.getFirst());
    assertEquals(2937, photo.length);
    // The SHA-256 Debian's tnef 1.4.18 gives the file it unpacks from the same winmail.dat ("tnef -C out winmail.dat").
    assertEquals("bea844f30e0fcc20fad419a0d11032a6465da93c1da185a1196949955994409a",
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
    assertEquals("image/jpeg", LocalS3.shared().client().headObject(r -> r.bucket(attachmentsBucket).key(key(stored.getFirst())))
        .contentType());

    String description = ticket.description();
    assertTrue(description.startsWith("Goedemorgen,\n\nHierbij het logo en de bladwijzers"), description);
    assertTrue(description.endsWith("Bijlagen uit de e-mail die niet zijn overgenomen:\n"
        + "- bookmark.htm (text/html, 83.8 KiB): dit bestandstype wordt niet aangenomen"), description);
    assertFalse(description.contains("winmail.dat") || description.contains("Casdasdfasdfasd"),
        "the winmail.dat is unpacked, its RTF copy of the text not added to the text the mail has: " + description);

    assertEquals("duplicate", outcome(handle(RECEIVED)));
    assertEquals(1, attachments(ticket.ref()).size(), "a second delivery adds nothing");
  }

  @Test
  void aRepliesFileIsAddedToTheExistingTicketOnlyOnceEvenWhenTheMailIsHandledAgain() {
    TicketRef first = raise();
    byte[] log = "2026-11-03 09:12 printer: foutcode 50.4\n".getBytes(StandardCharsets.UTF_8);
    String mime = multipart("<reply-log@acme.example>", "Subject: Re: [#acme-k3j9pq-1] printer", "Hier is het logboek.",
        part("text/plain; charset=utf-8; name=\"printer.log\"", "attachment; filename=\"printer.log\"", Optional.empty(), log));
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", mime);
    assertEquals("reply-added", outcome(handle(RECEIVED)));
    List<TicketAttachment> stored = attachments(first);
    assertEquals(List.of("printer.log"), stored.stream().map(TicketAttachment::fileName).toList());
    assertArrayEquals(log, object(stored.getFirst()));
    assertEquals(AttachmentKind.TXT, stored.getFirst().kind());
    assertEquals("Hier is het logboek.", SlaWiring.of(wiring).tickets().thread(first, true).orElseThrow().messages().getLast().body());

    // An attempt whose completion was lost (the ledger forgets it; docs/inbound-mail.md's known window) writes the
    // reply again, but the file's id is the same, so it finds the attachment instead of adding a second one.
    wiring.table().client().deleteItem(r -> r.tableName(wiring.table().name())
        .key(nl.klantportaal.inboundmail.adapter.dynamodb.DynamoDbInboundLedger.key(nl.klantportaal.inboundmail.usecase.ReceiveMail
            .messageKey(new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser().parse(mime.getBytes(StandardCharsets.UTF_8))))));
    assertEquals("reply-added", outcome(handle(RECEIVED)));
    assertEquals(1, attachments(first).size(), "one attachment however often the mail is handled");
    // Two attempts racing past that look-up: the transaction's condition lets one of them write.
    var jan = new Actor.Person(JAN, Role.CUSTOMER_USER, "Jan");
    assertFalse(TicketWiring.of(wiring).attachments().add(stored.getFirst(),
        TicketAudit.of(jan, wiring.clock().instant(), "attachment-added", Map.of())), "already there: nothing written");
    assertEquals(1, attachments(first).size());
  }

  @Test
  void aReplyWithTheTicketTokenIsAddedToThatTicketAndAReplyToAClosedTicketIsAFollowUp() {
    TicketRef first = raise();
    // Threaded by In-Reply-To alone: one of the Message-IDs the portal's mail about ticket 1 carries.
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Re: printer
        Message-ID: <reply-1@acme.example>
        In-Reply-To: <t.acme-k3j9pq.1.%s@klantportaal.example>
        Content-Type: text/plain; charset=utf-8

        Nog steeds kapot.

        Op ma 2 nov 2026 om 16:02 schreef Klantportaal <no-reply@klantportaal.example>:
        > Herstart de printer.
        """.formatted("a".repeat(64)));
    assertEquals("reply-added", outcome(handle(RECEIVED)));
    Ticket after = ticket(1);
    assertEquals(2, after.version(), "one change: the reply");

    close(first);
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Re: [#acme-k3j9pq-1] Gesloten: printer
        Message-ID: <reply-2@acme.example>
        Content-Type: text/plain; charset=utf-8

        Hij is weer kapot.
        """);
    Map<String, Object> followUp = handle(RECEIVED);
    assertEquals("follow-up-created", outcome(followUp));
    assertEquals(Optional.of(new TicketNumber(1)), ticket(2).followUpOf());
    // Jan is told which ticket his mail became (his own change brings him no ticket mail), once.
    var told = mail.sent().stream().filter(m -> m.subject().startsWith("[#acme-k3j9pq-2] Uw e-mail is vervolgticket #2")).toList();
    assertEquals(1, told.size(), mail.sent().toString());
    assertEquals("jan@acme.example", told.getFirst().to());
    assertTrue(told.getFirst().text().contains("Ticket #1 was al gesloten") && told.getFirst().text()
        .contains("https://portal.example.test/#/tickets/acme-k3j9pq-2"), told.getFirst().text());
    assertEquals("duplicate", outcome(handle(RECEIVED)));
    assertEquals(1, mail.sent().stream().filter(m -> m.subject().contains("Uw e-mail is vervolgticket")).count());
  }

  @Test
  void anotherSystemsTokenInTheSubjectIsNoThreadSoTheMailIsANewTicketOrTheReplyItsHeadersSay() {
    // A supplier's helpdesk (Kayako: [#ABC-123-45678]) writes a token of the portal's form; the customer forwards it.
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Fwd: [#ABC-123-45678] Storing glasvezelverbinding
        Message-ID: <fwd-supplier@acme.example>
        Content-Type: text/plain; charset=utf-8

        De leverancier meldt een storing, kunnen jullie meekijken?
        """);
    assertEquals("ticket-created", outcome(handle(RECEIVED)), "not held as a ticket Jan cannot see");
    assertEquals("Fwd: [#ABC-123-45678] Storing glasvezelverbinding", ticket(1).title());

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Re: [#ABC-123-45678] Storing glasvezelverbinding
        Message-ID: <re-supplier@acme.example>
        In-Reply-To: <t.acme-k3j9pq.1.%s@klantportaal.example>
        Content-Type: text/plain; charset=utf-8

        Inmiddels is de storing voorbij.
        """.formatted("b".repeat(64)));
    assertEquals("reply-added", outcome(handle(RECEIVED)), "In-Reply-To names Jan's ticket");
    assertEquals(2, ticket(1).version());
  }

  @Test
  void aReplyToAResolvedTicketReopensItWithTheMailAsTheCustomersReason() {
    TicketRef first = raise();
    resolve(first);
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Re: [#acme-k3j9pq-1] Opgelost: printer
        Message-ID: <reply-3@acme.example>
        Content-Type: text/plain; charset=utf-8

        Nee, hij drukt nog steeds niets af.
        """);
    assertEquals("ticket-reopened", outcome(handle(RECEIVED)));
    Ticket reopened = ticket(1);
    assertEquals(TicketStatus.OPEN, reopened.status(), "the customer's rejection of the solution");
    var thread = SlaWiring.of(wiring).tickets().thread(first, true).orElseThrow();
    var last = thread.messages().getLast();
    assertEquals(TicketSource.EMAIL, last.source());
    assertEquals("Nee, hij drukt nog steeds niets af.", last.body());
    assertTrue(thread.audit().stream().anyMatch(a -> a.action().equals("reject")), thread.audit().toString());
  }

  @Test
  void staffAnsweringATicketMailByMailPostAPublicReplyAndAStaffMailWithoutATicketIsHeld() {
    UserId sem = new UserId("0a1b2c3d-0000-4000-8000-0000000a0009");
    person(sem, "sem@provider.example", new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    TicketRef first = raise();
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Sem <sem@provider.example>
        To: Klantportaal support <support@klantportaal.example>
        Subject: Re: [#acme-k3j9pq-1] Nieuw ticket: printer
        Message-ID: <staff-1@provider.example>
        In-Reply-To: <t.acme-k3j9pq.1.%s@klantportaal.example>
        Content-Type: text/plain; charset=utf-8

        Ik kom morgen om 9 uur langs met een nieuwe fuser.

        Op ma 2 nov 2026 om 16:02 schreef Klantportaal <no-reply@klantportaal.example>:
        > Er is een ticket aangemaakt: printer
        """.formatted("b".repeat(64)));
    assertEquals("reply-added", outcome(handle(RECEIVED)));
    var thread = SlaWiring.of(wiring).tickets().thread(first, false).orElseThrow();
    var answer = thread.messages().getLast();
    assertEquals(sem, answer.author());
    assertTrue(answer.body().startsWith("Ik kom morgen om 9 uur langs met een nieuwe fuser.\n\n[Eerdere berichten"),
        "a public reply, the quoted ticket mail left out (and said so): " + answer.body());
    assertFalse(answer.body().contains("Er is een ticket aangemaakt"), answer.body());
    assertFalse(answer.internal());
    assertEquals(TicketSource.EMAIL, answer.source());
    assertEquals(TicketStatus.OPEN, ticket(1).status(), "the provider's first answer opens the ticket, as in the portal");

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Sem <sem@provider.example>
        To: support@klantportaal.example
        Subject: Printer bij Acme
        Message-ID: <staff-2@provider.example>
        Content-Type: text/plain; charset=utf-8

        Kan iemand hier een ticket van maken?
        """);
    assertEquals("held", outcome(handle(RECEIVED)));
    assertTrue(SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(2))).isEmpty(), "no ticket");
  }

  @Test
  void failedVerdictsAnUnknownOrPendingSenderAndMachineMailMakeNoTicket() {
    store("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample2", "human/no-message-id.eml");
    assertEquals("held", outcome(handle(FAILED)));
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "From: Piet <piet@acme.example>\nSubject: Hallo\nMessage-ID: <p1@acme.example>\n\nIk ben nieuw.\n");
    assertEquals("held", outcome(handle(RECEIVED)));
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "From: Onbekend <x@elders.example>\nSubject: Hallo\nMessage-ID: <x1@elders.example>\n\nHoi.\n");
    assertEquals("held", outcome(handle(RECEIVED)));
    store("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "machine/auto-submitted__outlook-ooo-nl.eml");
    assertEquals("machine", outcome(handle(RECEIVED)));
    assertTrue(SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(1))).isEmpty(), "no ticket");
    var held = wiring.table().client().query(r -> r.tableName(wiring.table().name()).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INBOUND#HELD"))));
    assertEquals(List.of("pending-sender", "unknown-sender", "untrusted-sender"),
        held.items().stream().map(i -> i.get("reason").s()).sorted().toList());
    // The pending and the unknown sender get the polite reply; the untrusted one and the machine none.
    assertEquals(List.of("piet@acme.example", "x@elders.example"), mail.sent().stream().map(m -> m.to()).sorted().toList());
    var reply = mail.sent().getFirst();
    assertTrue(reply.subject().startsWith("Uw e-mail aan de servicedesk"), reply.subject());
    assertTrue(reply.text().contains("https://portal.example.test/#/sign-up"), reply.text());
    assertTrue(reply.text().contains("Register in the customer portal") && reply.text().contains("Registrieren Sie sich"), reply.text());
  }

  @Test
  void aBounceOfOurMailMarksTheAddressFailingAndAForgedOrForeignOneMarksNothing() {
    var failing = nl.klantportaal.notifications.wiring.NotificationWiring.of(wiring).failingAddresses();
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", bounce("<b1@mx.acme.example>", "<t.acme.7f3@elders.example>"));
    assertEquals("machine", outcome(handle(RECEIVED)));
    assertTrue(failing.find("oud@acme.example").isEmpty(), "it returns no mail of ours");

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample2", bounce("<b2@mx.acme.example>", "<t.acme.7f3@klantportaal.example>"));
    assertEquals("machine", outcome(handle(FAILED)));
    assertTrue(failing.find("oud@acme.example").isEmpty(), "SES's verdicts failed: a forged bounce marks nothing");

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", bounce("<b3@mx.acme.example>", "<t.acme.7f3@klantportaal.example>"));
    assertEquals("machine", outcome(handle(RECEIVED)));
    var marked = failing.find("Oud@Acme.example").orElseThrow();
    assertEquals("5.1.1 550 5.1.1 <oud@acme.example>: Recipient address rejected: User unknown", marked.detail());
    assertTrue(mail.sent().isEmpty(), "a bounce is never answered");
  }

  /** A Postfix delivery status notification for oud@acme.example, returning the headers of {@code returned}. */
  private static String bounce(String messageId, String returned) {
    return "From: MAILER-DAEMON@mx.acme.example (Mail Delivery System)\r\nTo: support@klantportaal.example\r\n"
        + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n"
        + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.acme.example\r\n\r\n"
        + "Final-Recipient: rfc822; oud@acme.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <oud@acme.example>: Recipient address rejected: User unknown\r\n"
        + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Klantportaal <no-reply@klantportaal.example>\r\n"
        + "To: oud@acme.example\r\nMessage-ID: " + returned + "\r\nSubject: [#T-7] Uw melding\r\n--b--\r\n";
  }

  @Test
  void mailFromAMailRoutesSenderAddressIsOurOwnRecordedAndNeverAnswered() {
    NotificationWiring.of(wiring).mailRoutes().put(new MailRoute("beta.example", "alternate-set",
        "Klantportaal <Servicedesk@Mail.Route.example>", wiring.clock().instant(), "admin", 1),
        nl.klantportaal.notifications.port.MailRoutes.Mode.CREATE);
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "From: Klantportaal <servicedesk@mail.route.example>\n"
        + "To: support@klantportaal.example\nSubject: Uw melding is ontvangen\nMessage-ID: <r1@mail.route.example>\n\nDank u.\n");
    Map<String, Object> answer = handle(RECEIVED);
    assertEquals("machine", outcome(answer));
    assertEquals("own-sender-address", detail(answer));
    assertTrue(mail.sent().isEmpty(), "our own mail is never answered: " + mail.sent());
    assertTrue(SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(1))).isEmpty(), "no ticket");

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", "From: Iemand <iemand@mail.other.example>\n"
        + "Subject: Vraag\nMessage-ID: <o1@mail.other.example>\n\nHoi.\n");
    assertEquals("unknown-sender", detail(handle(RECEIVED)), "another address of no route is no own mail");
  }

  @Test
  void anUnknownSenderGetsOneReplyADayHoweverOftenTheyWrite() {
    for (int i = 1; i <= 3; i++) {
      storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1",
          "From: Onbekend <X@Elders.example>\nSubject: Vraag " + i + "\nMessage-ID: <u" + i + "@elders.example>\n\nHoi.\n");
      assertEquals("held", outcome(handle(RECEIVED)));
    }
    assertEquals(1, mail.sent().size(), "one reply to x@elders.example today: " + mail.sent());
    assertEquals("x@elders.example", mail.sent().getFirst().to());
  }

  @Test
  void aMissingRawMessageFailsTheInvocationSoLambdaRetriesIt() {
    assertThrows(RuntimeException.class, () -> handle(RECEIVED));
  }

  private Map<String, Object> handle(String event) {
    return handler.handleRequest(Lambda.scheduledEvent(event), Lambda.context("inbound-mail"));
  }

  @SuppressWarnings("unchecked")
  @Test
  void aNewTicketFromAForwardedMailKeepsWhatWasForwardedAndAReplyLosesItsQuotedHistory() {
    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: Doorst: Back-up mislukt
        Message-ID: <fwd-backup@acme.example>
        Content-Type: text/plain; charset=utf-8

        Zie onderstaande melding van vannacht.

        Van: backup@nas.acme.example
        Verzonden: maandag 2 november 2026 03:00
        Aan: jan@acme.example
        Onderwerp: Back-up mislukt

        Job "Nacht" is mislukt: schijf vol (98%).
        """);
    assertEquals("ticket-created", outcome(handle(RECEIVED)));
    String description = ticket(1).description();
    assertTrue(description.contains("Zie onderstaande melding van vannacht."), description);
    assertTrue(description.contains("Job \"Nacht\" is mislukt: schijf vol (98%)."), "the forwarded report is the ticket's content: "
        + description);

    storeRaw("o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1", """
        From: Jan <jan@acme.example>
        To: support@klantportaal.example
        Subject: RE: [#%s] Doorst: Back-up mislukt
        Message-ID: <re-backup@acme.example>
        Content-Type: text/plain; charset=utf-8

        Vannacht ging het weer mis.

        Van: Servicedesk <support@klantportaal.example>
        Verzonden: dinsdag 3 november 2026 09:00
        Aan: jan@acme.example
        Onderwerp: [#%s] Doorst: Back-up mislukt

        Wij hebben ruimte vrijgemaakt.
        """.formatted(ticket(1).ref().token(), ticket(1).ref().token()));
    assertEquals("reply-added", outcome(handle(RECEIVED)));
    String reply = SlaWiring.of(wiring).tickets().thread(ticket(1).ref(), true).orElseThrow().messages().getLast().body();
    assertTrue(reply.startsWith("Vannacht ging het weer mis."), reply);
    assertFalse(reply.contains("Wij hebben ruimte vrijgemaakt."), "a reply's quoted history is cut: " + reply);
  }

  private static String detail(Map<String, Object> answer) {
    return ((List<Map<String, Object>>) answer.get("handled")).get(0).get("detail").toString();
  }

  @SuppressWarnings("unchecked")
  private static String outcome(Map<String, Object> answer) {
    return ((List<Map<String, Object>>) answer.get("handled")).get(0).get("outcome").toString();
  }

  private void store(String id, String corpusFile) {
    LocalS3.shared().client().putObject(r -> r.bucket(bucket).key("mail/" + id), RequestBody.fromBytes(Corpus.raw(corpusFile)));
  }

  private void storeRaw(String id, String mime) {
    LocalS3.shared().client().putObject(r -> r.bucket(bucket).key("mail/" + id), RequestBody.fromString(mime));
  }

  private List<TicketAttachment> attachments(TicketRef ref) {
    return SlaWiring.of(wiring).tickets().thread(ref, true).orElseThrow().attachments();
  }

  private byte[] object(TicketAttachment attachment) {
    return LocalS3.shared().client().getObjectAsBytes(r -> r.bucket(attachmentsBucket).key(key(attachment))).asByteArray();
  }

  /** Where the download route reads an attachment (tickets' ObjectKeys). */
  private static String key(TicketAttachment attachment) {
    return ObjectKeys.attachment(attachment.ticket(), attachment.id());
  }

  /** A mail from Jan: its text and its parts (headers and base64 body each) in a multipart/mixed. */
  private static String multipart(String messageId, String subjectLine, String text, String... parts) {
    StringBuilder mime = new StringBuilder("From: Jan <jan@acme.example>\r\nTo: support@klantportaal.example\r\n" + subjectLine
        + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
        + "--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n");
    for (String part : parts) {
      mime.append("--B\r\n").append(part);
    }
    return mime.append("--B--\r\n").toString();
  }

  private static String part(String contentType, String disposition, Optional<String> contentId, byte[] bytes) {
    return "Content-Type: " + contentType + "\r\nContent-Disposition: " + disposition + "\r\n"
        + contentId.map(id -> "Content-ID: " + id + "\r\n").orElse("") + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(bytes) + "\r\n";
  }

  /** {@code size} bytes that start like a PDF, the rest not text (every byte value). */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  private static byte[] png(int size) {
    byte[] bytes = pdf(size);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}, 0, bytes, 0, 10);
    return bytes;
  }

  private static byte[] exe() {
    return new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
  }

  private Ticket ticket(long number) {
    return SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(number))).orElseThrow();
  }

  private TicketRef raise() {
    TicketRepository tickets = SlaWiring.of(wiring).tickets();
    var reporter = new Actor.Person(JAN, Role.CUSTOMER_USER, "Jan");
    Ticket ticket = Ticket.create(new TicketRef(ACME, tickets.nextNumber(ACME)), nl.klantportaal.ticketing.domain.TicketType.INCIDENT,
        "other", nl.klantportaal.ticketing.domain.Priority.NORMAL, "printer", "Kapot.", reporter, List.of(), TicketSource.PORTAL,
        Optional.empty(), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), reporter, wiring.clock().instant());
    tickets.create(ticket, List.of(), TicketAudit.of(reporter, wiring.clock().instant(), "created", Map.of()));
    return ticket.ref();
  }

  private void resolve(TicketRef ref) {
    TicketRepository tickets = SlaWiring.of(wiring).tickets();
    var agent = new Actor.Person(new UserId("0a1b2c3d-0000-4000-8000-0000000a0001"), Role.PROVIDER_AGENT, "Agent");
    Ticket current = tickets.find(ref).orElseThrow();
    Ticket resolved = current.apply(TicketAction.RESOLVE, agent, wiring.clock().instant());
    tickets.save(new TicketRepository.TicketChange(current, resolved, List.of(), List.of(TicketAudit.of(agent, wiring.clock().instant(),
        "resolve", Map.of())), Optional.of(wiring.clock().instant().plus(java.time.Duration.ofDays(7)))));
  }

  private void close(TicketRef ref) {
    TicketRepository tickets = SlaWiring.of(wiring).tickets();
    var agent = new Actor.Person(new UserId("0a1b2c3d-0000-4000-8000-0000000a0001"), Role.PROVIDER_AGENT, "Agent");
    Ticket current = tickets.find(ref).orElseThrow();
    Ticket resolved = current.apply(TicketAction.RESOLVE, agent, wiring.clock().instant());
    tickets.save(new TicketRepository.TicketChange(current, resolved, List.of(), List.of(TicketAudit.of(agent, wiring.clock().instant(),
        "resolve", Map.of())), Optional.of(wiring.clock().instant().plus(java.time.Duration.ofDays(7)))));
    var jan = new Actor.Person(JAN, Role.CUSTOMER_USER, "Jan");
    Ticket closed = resolved.apply(TicketAction.ACCEPT, jan, wiring.clock().instant());
    tickets.save(new TicketRepository.TicketChange(resolved, closed, List.of(), List.of(TicketAudit.of(jan, wiring.clock().instant(),
        "accept", Map.of())), Optional.empty()));
    assertEquals(TicketStatus.CLOSED, tickets.find(ref).orElseThrow().status());
  }

  private void person(UserId id, String email, Membership membership) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName("Jan", "Fixture", "Jan"),
        Language.NL, membership, true, AccountSettings.DEFAULT, wiring.clock().instant(), wiring.clock().instant(), 1));
  }
}
