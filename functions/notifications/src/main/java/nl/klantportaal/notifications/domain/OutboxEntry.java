package nl.klantportaal.notifications.domain;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * One mail to one recipient, recorded before it is sent (docs/data-model.md pattern 28). The rendered
 * mail is kept, its attachment (an invoice's PDF) included, so a retry sends exactly what the first
 * attempt would have; the sender is chosen at each attempt, so a route fixed in the meantime applies
 * to the retry.
 */
public record OutboxEntry(String id, String eventId, MailKind kind, TenantId tenant, long number, String recipientId,
    String to, String subject, String text, String html, Optional<MailSender.Attachment> attachment, String messageId,
    String threadRootId, State state, int attempts, Optional<Instant> nextAttemptAt, Instant createdAt) {

  /** An entry without an attachment (every ticket, SLA, hour, report and reply mail). */
  public OutboxEntry(String id, String eventId, MailKind kind, TenantId tenant, long number, String recipientId,
      String to, String subject, String text, String html, String messageId, String threadRootId, State state,
      int attempts, Optional<Instant> nextAttemptAt, Instant createdAt) {
    this(id, eventId, kind, tenant, number, recipientId, to, subject, text, html, Optional.empty(), messageId, threadRootId,
        state, attempts, nextAttemptAt, createdAt);
  }

  public enum State { PENDING, SENT, FAILED }
}
