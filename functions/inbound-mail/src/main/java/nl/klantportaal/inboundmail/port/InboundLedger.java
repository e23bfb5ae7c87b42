package nl.klantportaal.inboundmail.port;

import java.time.Instant;
import nl.klantportaal.inboundmail.domain.HeldMail;
import nl.klantportaal.inboundmail.domain.Outcome;

/**
 * Every received Message-ID once (data model pattern 26): claimed before it is handled, completed with
 * what became of it; held messages are kept for provider staff (pattern 26a).
 */
public interface InboundLedger {

  sealed interface Claim {
    /** Ours to handle: first delivery, or an earlier attempt that stopped before completing (lease over). */
    record Fresh() implements Claim {}

    /** Handled before: a duplicate delivery. */
    record Done(String outcome) implements Claim {}

    /** Another attempt is handling it right now (within its lease). */
    record Busy() implements Claim {}
  }

  Claim claim(String messageId, String rawKey, Instant now);

  /** Records the outcome; a held message's staff item is written in the same transaction. */
  void complete(String messageId, Outcome outcome, java.util.Optional<HeldMail> held, Instant now);
}
