package nl.klantportaal.ticketing.usecase;

import nl.klantportaal.ticketing.domain.TicketRating;

/** A rating as provider staff see it: the ticket, who gave it, the score, the comment, when and how. */
public record RatingView(String ticketId, long ticketNumber, String by, int score, String comment, String at, String via) {
  public static RatingView of(TicketRating r) {
    return new RatingView(r.ticket().token(), r.ticket().number().value(), r.by().value(), r.score(),
        r.comment().orElse(null), r.at().toString(), r.via().wireName());
  }
}
