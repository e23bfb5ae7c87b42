package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRating;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.SingleUses;
import nl.klantportaal.ticketing.port.TicketRatings;

/**
 * A customer rates a closed ticket (the closed mail's one-click rating, or the ticket page): 1 to 5
 * with an optional comment, once per ticket. The rating is audited on the ticket and counted in the
 * customer's month.
 */
public final class RateTicket {
  private final TicketAccess access;
  private final TicketRatings ratings;
  private final Clock clock;

  public RateTicket(TicketAccess access, TicketRatings ratings, Clock clock) {
    this.access = access;
    this.ratings = ratings;
    this.clock = clock;
  }

  public record RatingInput(Integer score, String comment) {}

  public TicketRating execute(Caller caller, TicketRef ref, RatingInput input, TicketSource via,
      Optional<SingleUses.SingleUse> use) {
    Validation v = new Validation();
    v.check(input.score() != null && input.score() >= TicketRating.MIN && input.score() <= TicketRating.MAX, "score",
        "out-of-range", "is a whole number from 1 to 5");
    Optional<String> comment = v.optionalMultilineText("comment", input.comment(), TicketRating.MAX_COMMENT);
    v.throwIfInvalid();
    if (!caller.role().isCustomer()) {
      throw new DomainException.Forbidden("Only the customer rates a ticket");
    }
    Ticket ticket = access.visible(caller, ref);
    if (ticket.status() != TicketStatus.CLOSED) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is " + ticket.status().wireName() + "; only a closed ticket is rated");
    }
    Actor.Person actor = access.actor(caller);
    Instant now = clock.instant();
    TicketRating rating = new TicketRating(ref, caller.userId(), input.score(), comment, now, via);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("score", Integer.toString(rating.score()));
    if (via != TicketSource.PORTAL) {
      details.put("via", via.wireName());
    }
    return switch (ratings.record(rating, TicketAudit.of(actor, now, "rated", details), use)) {
      case STORED -> rating;
      case ALREADY_RATED -> throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
          "Ticket " + ref + " has been rated already");
      case USE_TAKEN -> throw new MailLinkRefused(MailLinkRefused.Reason.USED, "This link has been used already");
    };
  }
}
