package nl.klantportaal.inboundmail.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.inboundmail.domain.HeldMail;

/** The messages held for provider staff (pattern 26a), until one of them handles each: a ticket, or discarded. */
public interface HeldMessages {

  /** A held message and its id (stable, URL-safe). */
  record Held(String id, HeldMail mail) {}

  /** The newest {@code limit} messages not handled yet, newest first; {@code more} when there are older ones. */
  Listing waiting(int limit);

  record Listing(List<Held> items, boolean more) {}

  Optional<Held> find(String id);

  /** Marks the message handled ({@code how}: {@code discarded} or {@code ticket <tenant> #<n>}); false when handled before. */
  boolean handle(String id, String how, String by, Instant at);

  /** Undoes {@link #handle} when what it claimed for could not be done (the ticket rules refused the choice). */
  void release(String id);
}
