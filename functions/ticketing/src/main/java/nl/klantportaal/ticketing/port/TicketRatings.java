package nl.klantportaal.ticketing.port;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.ticketing.domain.RatingTotals;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRating;

/** Ratings of closed tickets: one per ticket, listed and summed per customer and month. */
public interface TicketRatings {

  /**
   * Stores {@code rating} with its audit entry, adds it to its customer's month and takes
   * {@code use} (when present), all in one transaction.
   */
  Recorded record(TicketRating rating, TicketAudit audit, Optional<SingleUses.SingleUse> use);

  /** The ticket's rating, if it has one (read consistently: a link's page asks right before rating). */
  Optional<TicketRating> of(nl.klantportaal.ticketing.domain.TicketRef ticket);

  /** The customer's ratings given in {@code month}, newest first (at most {@code limit}). */
  List<TicketRating> ofMonth(TenantId customer, YearMonth month, int limit);

  /** The customer's totals of {@code month} (all zero without ratings). */
  RatingTotals totals(TenantId customer, YearMonth month);

  /** What became of a rating: stored, or refused because the ticket has one or the link was used. */
  enum Recorded { STORED, ALREADY_RATED, USE_TAKEN }
}
