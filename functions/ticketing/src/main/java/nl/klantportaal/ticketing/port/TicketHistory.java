package nl.klantportaal.ticketing.port;

import java.time.Instant;
import java.util.function.Consumer;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.ticketing.domain.Ticket;

/**
 * The tickets context's published read port for other contexts (the monthly reports): a customer's
 * tickets as they stand, read by key, never their items.
 */
public interface TicketHistory {
  /**
   * Every ticket of a customer created at or before {@code until}, oldest first, handed to {@code each}
   * page by page (a keyed Query on the customer's by-creation view, pattern 19; never a Scan), so
   * memory stays at one page. The bound is by the second: a ticket created within {@code until}'s
   * second may be handed too, so a caller compares {@code createdAt}.
   */
  void createdUntil(TenantId tenant, Instant until, Consumer<Ticket> each);
}
