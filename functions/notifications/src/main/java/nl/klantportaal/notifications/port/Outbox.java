package nl.klantportaal.notifications.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.notifications.domain.OutboxEntry;

/**
 * The notification outbox (docs/data-model.md patterns 28 and 31): an entry is claimed before its
 * mail is sent, so a redelivered stream record finds it and sends nothing; while it is PENDING it
 * sits on the sparse DueIndex under {@code DUE#MAIL#<shard>} at its next attempt's time.
 */
public interface Outbox {

  /**
   * Stores a new PENDING entry (attempts 1) due again at {@code leaseUntil}; false if the id exists. An
   * entry the store cannot hold (an attachment above its limit) is an {@link IllegalArgumentException},
   * thrown before anything is stored.
   */
  boolean claim(OutboxEntry entry, Instant leaseUntil);

  Optional<OutboxEntry> find(String id);

  /** Ids of PENDING entries due at {@code now}, from all shards, oldest first per shard. */
  List<String> due(Instant now, int limitPerShard);

  /** Takes a due entry for one more attempt: attempts + 1, due again at {@code leaseUntil}; false if someone else did. */
  boolean takeLease(OutboxEntry seen, Instant leaseUntil);

  /** PENDING → SENT, off the DueIndex; false if it was no longer PENDING. */
  boolean markSent(String id, Instant at, String providerMessageId);

  /** A sent mail's SENT mark, to be written with others by {@link #markAllSent}. */
  record SentMark(String id, Instant at, String providerMessageId) {}

  /**
   * {@link #markSent} for each of {@code marks}, with as few requests as the store allows; the ids of
   * those that were no longer PENDING (nothing written for them).
   */
  default List<String> markAllSent(List<SentMark> marks) {
    return marks.stream().filter(mark -> !markSent(mark.id(), mark.at(), mark.providerMessageId())).map(SentMark::id).toList();
  }

  /** Stays PENDING, due at {@code next}, with the reason of the failed attempt. */
  void markRetry(String id, Instant next, String reason);

  /** PENDING → FAILED, off the DueIndex: no more attempts. */
  void markFailed(String id, Instant at, String reason);
}
