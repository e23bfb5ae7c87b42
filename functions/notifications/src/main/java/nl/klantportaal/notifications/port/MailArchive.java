package nl.klantportaal.notifications.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mail the portal sent (or still tries to send) to one person through the outbox, for a GDPR
 * export and erasure (docs/privacy.md): entries are kept 30 days (the outbox's TTL), keyed by
 * recipient on GSI1 ({@code MAILTO#<sub>}).
 */
public interface MailArchive {

  /** The person's outbox entries, oldest first. */
  List<SentMail> to(String recipientId);

  /** Deletes the person's outbox entries (their address, name and the mails' texts); answers how many. */
  int forget(String recipientId);

  record SentMail(Instant createdAt, String kind, String to, String subject, String text, String state,
      Optional<Instant> sentAt) {}
}
