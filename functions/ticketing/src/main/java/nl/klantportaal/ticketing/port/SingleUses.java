package nl.klantportaal.ticketing.port;

import java.time.Instant;

/**
 * Keys that may be used once (a mail link's id). A use is taken by the write it guards, in that
 * write's transaction ({@link TicketRepository.TicketChange#withSingleUse}, {@link TicketRatings}),
 * so a second use fails with the write, and a failed write leaves the key unused.
 */
public interface SingleUses {

  /** Whether {@code key} was used (its write succeeded). */
  boolean used(String key);

  /** A use of {@code key}; the record of it is kept until {@code keepUntil} (after the link expired). */
  record SingleUse(String key, Instant keepUntil) {
    public SingleUse {
      if (key.isBlank() || key.length() > 100) {
        throw new IllegalArgumentException("A single-use key has 1 to 100 characters");
      }
    }
  }
}
