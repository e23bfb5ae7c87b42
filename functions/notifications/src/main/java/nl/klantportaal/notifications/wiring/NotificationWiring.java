package nl.klantportaal.notifications.wiring;

import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbFailingAddresses;
import nl.klantportaal.notifications.port.FailingAddresses;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.function.Function;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbMailRoutes;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbTicketReader;
import nl.klantportaal.notifications.adapter.dynamodb.TicketStreamRecords;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.domain.Sender;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.usecase.DirectMail;
import nl.klantportaal.notifications.usecase.MailDelivery;
import nl.klantportaal.notifications.usecase.SendPendingMail;
import nl.klantportaal.notifications.usecase.ManageMailRoutes;
import nl.klantportaal.notifications.usecase.NotifyTicketChange;
import nl.klantportaal.notifications.usecase.RetryDueMail;
import nl.klantportaal.notifications.usecase.StreamedChange;

/** The notifications context: ticket mail from the stream, the outbox and its retries, mail routes. */
public final class NotificationWiring {
  private final KernelWiring kernel;

  private NotificationWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static NotificationWiring of(KernelWiring kernel) {
    return new NotificationWiring(kernel);
  }

  public MailRoutes mailRoutes() {
    return new DynamoDbMailRoutes(kernel.table());
  }

  public ManageMailRoutes manageMailRoutes() {
    return new ManageMailRoutes(mailRoutes(), kernel.clock());
  }

  /**
   * Ticket mail: SENDER_ADDRESS and the optional MAIL_CONFIGURATION_SET are the default sender,
   * PORTAL_ORIGIN the base of links; Message-IDs use the sender address's domain.
   */
  public NotifyTicketChange notifyTicketChange(MailSender sender) {
    return new NotifyTicketChange(new DynamoDbTicketReader(kernel.table()), IdentityWiring.of(kernel).users(),
        new DynamoDbOutbox(kernel.table()), mailDelivery(sender),
        new NotifyTicketChange.Settings(kernel.mail().portalOrigin(), senderDomain(), RetryPolicy.DEFAULT),
        TicketWiring.of(kernel).mailLinks(), kernel.clock());
  }

  /** How a record of the table's stream reads as a ticket change (the item contract, in the DynamoDB adapter). */
  public Function<DynamodbEvent.DynamodbStreamRecord, StreamedChange> ticketStream() {
    return TicketStreamRecords::decode;
  }

  public RetryDueMail retryDueMail(MailSender sender) {
    return new RetryDueMail(new DynamoDbOutbox(kernel.table()), mailDelivery(sender), RetryPolicy.DEFAULT);
  }

  /** Sends an outbox entry written PENDING by another transaction at once (the on-call page). */
  public SendPendingMail sendPendingMail(MailSender sender) {
    return new SendPendingMail(new DynamoDbOutbox(kernel.table()), mailDelivery(sender), RetryPolicy.DEFAULT, kernel.clock());
  }

  /**
   * Sends an outbox entry by its purpose and route, retrying by policy: SENDER_ADDRESS and the optional
   * MAIL_CONFIGURATION_SET are the default sender, a domain's route replaces them for its recipients, and
   * administrative mail (invoices) comes from ADMIN_SENDER_ADDRESS, or from SENDER_ADDRESS when that is
   * not set, through the same configuration set.
   */
  public MailDelivery mailDelivery(MailSender sender) {
    ContextSettings.Mail mail = kernel.mail();
    return new MailDelivery(new DynamoDbOutbox(kernel.table()), mailRoutes(), sender,
        new Sender(mail.senderAddress(), mail.configurationSet()), mail.administrativeSenderAddress(), RetryPolicy.DEFAULT,
        failingAddresses(), mail.replyToAddress(), kernel.clock());
  }

  /** Mail that is no ticket change (other contexts' mail: hours, reports, invoices, replies to unknown senders), sent with {@code sender}. */
  public DirectMail directMail(MailSender sender) {
    return new DirectMail(outbox(), mailDelivery(sender), senderDomain(), kernel.clock());
  }

  /** The outbox every mail of the portal is claimed in before it is sent (other contexts' mail too: billing's hour mail). */
  public Outbox outbox() {
    return new DynamoDbOutbox(kernel.table());
  }

  /** The domain of the sender address: Message-IDs use it. */
  public String senderDomain() {
    return MailRoute.domainOf(kernel.mail().senderAddress().replaceAll("^.*<|>\\s*$", ""));
  }

  /** The addresses mail no longer goes to: marked by permanent bounces, listed and cleared by provider admins. */
  /** The outbox by recipient, for the GDPR export and erasure (docs/privacy.md). */
  public nl.klantportaal.notifications.port.MailArchive mailArchive() {
    return new nl.klantportaal.notifications.adapter.dynamodb.DynamoDbMailArchive(kernel.table());
  }

  public FailingAddresses failingAddresses() {
    return new DynamoDbFailingAddresses(kernel.table());
  }
}
