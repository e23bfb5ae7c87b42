package nl.klantportaal.inboundmail.wiring;

import nl.klantportaal.inboundmail.adapter.dynamodb.DynamoDbHeldMessages;
import nl.klantportaal.inboundmail.usecase.ManageHeldMail;
import nl.klantportaal.inboundmail.usecase.OwnSenders;
import java.util.Set;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.inboundmail.adapter.dynamodb.DynamoDbInboundLedger;
import nl.klantportaal.inboundmail.adapter.outbox.OutboxSenderReplies;
import nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser;
import nl.klantportaal.inboundmail.adapter.s3.S3RawMailStore;
import nl.klantportaal.inboundmail.domain.MachineMail;
import nl.klantportaal.inboundmail.usecase.ReceiveMail;
import nl.klantportaal.inboundmail.usecase.RecordBounces;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.tickets.wiring.AttachmentWiring;
import nl.klantportaal.ticketing.usecase.AttachReceivedFile;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.ReplyToTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/**
 * The inbound-mail context: the raw MIME from INBOUND_MAIL_BUCKET, mime4j, the Message-ID ledger, and
 * tickets with their SLA companion ({@code SlaWiring.tickets()}); a mail's files become attachments in
 * ATTACHMENTS_BUCKET through the tickets functions' S3 adapter ({@code AttachmentWiring}), so the object
 * keys stay the ones the download route reads. Our own mail is recognised by SENDER_ADDRESS, the mail
 * routes' sender addresses ({@link OwnSenders}) and the Message-ID domain the notifications use (its domain).
 */
public final class InboundWiring {
  private final KernelWiring kernel;

  private InboundWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static InboundWiring of(KernelWiring kernel) {
    return new InboundWiring(kernel);
  }

  /** Where the receipt rule's S3 action puts raw mail: bucket and key prefix (the key is prefix + SES message id). */
  public record Settings(String bucket, String prefix) {}

  public Settings settings() {
    return new Settings(kernel.config().require("INBOUND_MAIL_BUCKET"), kernel.config().get("INBOUND_MAIL_PREFIX").orElse(""));
  }

  public MachineMail.OwnMail ownMail() {
    NotificationWiring notifications = NotificationWiring.of(kernel);
    String sender = kernel.mail().senderAddress().replaceAll("^.*<|>\\s*$", "").strip();
    return new MachineMail.OwnMail(Set.of(sender), notifications.senderDomain());
  }

  /** {@link #ownMail()} plus the mail routes' sender addresses, read through the routes' keyed Query and kept briefly. */
  public OwnSenders ownSenders() {
    MachineMail.OwnMail fixed = ownMail();
    return new OwnSenders(fixed.senderAddresses(), fixed.messageIdDomain(), NotificationWiring.of(kernel).mailRoutes(),
        kernel.clock());
  }

  /** Received mail, the polite replies sent with {@code sender} through the outbox (SENDER_ADDRESS, PORTAL_ORIGIN). */
  public ReceiveMail receiveMail(MailSender sender) {
    var identity = IdentityWiring.of(kernel);
    NotificationWiring notifications = NotificationWiring.of(kernel);
    var replies = new OutboxSenderReplies(kernel.table(), notifications.directMail(sender), kernel.mail().portalOrigin());
    var access = new TicketAccess(SlaWiring.of(kernel).tickets(), identity.users());
    var tickets = TicketWiring.of(kernel);
    var catalogue = tickets.cachedCatalogue();
    var attach = new AttachReceivedFile(access, tickets.attachments(), AttachmentWiring.store(kernel), kernel.clock());
    return new ReceiveMail(S3RawMailStore.create(kernel.clients(), kernel.config().endpoints().s3(), settings().bucket()),
        new Mime4jMailParser(), new DynamoDbInboundLedger(kernel.table()), identity.users(), access,
        new CreateTicket(access, catalogue, identity.customers(), kernel.clock()), new ReplyToTicket(access, kernel.clock()),
        new ChangeTicketStatus(access, kernel.clock(), tickets.autoCloseAfter()), attach, catalogue, ownSenders(), replies,
        new RecordBounces(NotificationWiring.of(kernel).failingAddresses(), ownMail()), kernel.clock());
  }

  /** The held mail staff handle: turned into a customer's ticket (on a reporter's behalf) or discarded. */
  public ManageHeldMail heldMail() {
    var identity = IdentityWiring.of(kernel);
    var access = new TicketAccess(SlaWiring.of(kernel).tickets(), identity.users());
    var tickets = TicketWiring.of(kernel);
    var catalogue = tickets.catalogue();
    return new ManageHeldMail(new DynamoDbHeldMessages(kernel.table()),
        S3RawMailStore.create(kernel.clients(), kernel.config().endpoints().s3(), settings().bucket()), new Mime4jMailParser(),
        new CreateTicket(access, catalogue, identity.customers(), kernel.clock()),
        new AttachReceivedFile(access, tickets.attachments(), AttachmentWiring.store(kernel), kernel.clock()), catalogue,
        kernel.clock());
  }
}
