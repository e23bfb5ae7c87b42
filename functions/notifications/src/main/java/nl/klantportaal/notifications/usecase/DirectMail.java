package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.port.Outbox;

/**
 * Mail that is no ticket change (hour notices, report announcements, the reply to unknown senders,
 * invoices with their PDF, the e-mail-change notice) through the portal's outbox: an entry per event key, recipient and kind, claimed before it is sent,
 * so a second claim finds it and sends nothing; then sent, and retried by the mail-retry schedule like
 * every other mail. Each such mail starts its own thread ({@code <prefix>.<id>@<domain>}).
 */
public final class DirectMail {
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final String mailDomain;
  private final Clock clock;

  public DirectMail(Outbox outbox, MailDelivery delivery, String mailDomain, Clock clock) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.mailDomain = mailDomain;
    this.clock = clock;
  }

  /**
   * One mail's content and address, and the file it carries if any (an invoice's PDF). The outbox keeps
   * the file until the mail is sent, so its size is the outbox's to limit ({@code DynamoDbOutbox}: 300 KiB).
   */
  public record Message(MailKind kind, TenantId tenant, String recipientId, String to, String subject, String text, String html,
      Optional<MailSender.Attachment> attachment) {

    /** A mail without an attachment (hour notices, report announcements, replies to unknown senders). */
    public Message(MailKind kind, TenantId tenant, String recipientId, String to, String subject, String text, String html) {
      this(kind, tenant, recipientId, to, subject, text, html, Optional.empty());
    }
  }

  /**
   * Claims the outbox entry of {@code eventKey} for the recipient and sends it; false when it was claimed
   * before. An attachment the outbox cannot keep is an {@link IllegalArgumentException}, and nothing is sent.
   */
  public boolean sendOnce(String eventKey, String idPrefix, Message mail) {
    var entry = entry(eventKey, idPrefix, mail, 1);
    if (!outbox.claim(entry, leaseUntil())) {
      return false;
    }
    delivery.attempt(entry);
    return true;
  }

  /**
   * The PENDING entry {@link #sendOnce} would claim for {@code eventKey}, but not attempted yet (attempts 0), for a
   * context that writes it in the transaction of the change it announces instead (the identity context's
   * e-mail-change notice: {@code DynamoDbOutbox.item} at {@link #leaseUntil()}) and sends it once that is written
   * with {@link SendPendingMail}, whose lease counts the first attempt; the retry job takes it if that send does not
   * happen or fails.
   */
  public OutboxEntry queued(String eventKey, String idPrefix, Message mail) {
    return entry(eventKey, idPrefix, mail, 0);
  }

  private OutboxEntry entry(String eventKey, String idPrefix, Message mail, int attempts) {
    String id = MailThreading.outboxId(eventKey, mail.recipientId(), mail.kind());
    String messageId = "<" + idPrefix + "." + id + "@" + mailDomain + ">";
    return new OutboxEntry(id, eventKey, mail.kind(), mail.tenant(), 0, mail.recipientId(), mail.to(), mail.subject(),
        mail.text(), mail.html(), mail.attachment(), messageId, messageId, OutboxEntry.State.PENDING, attempts,
        Optional.empty(), clock.instant());
  }

  /** When an entry claimed (or written) now is due for the retry job if its send has not marked it: the lease's end. */
  public Instant leaseUntil() {
    return clock.instant().plus(RetryPolicy.DEFAULT.lease());
  }
}
