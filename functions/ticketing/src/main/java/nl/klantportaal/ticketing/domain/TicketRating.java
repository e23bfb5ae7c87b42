package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import nl.klantportaal.core.claims.UserId;

/**
 * A customer's satisfaction with a closed ticket: 1 (very dissatisfied) to 5 (very satisfied), with
 * an optional comment. One per ticket: the first rating stands. It counts in the month it was given,
 * in the provider's time zone.
 */
public record TicketRating(TicketRef ticket, UserId by, int score, Optional<String> comment, Instant at,
    TicketSource via) {
  public static final int MIN = 1;
  public static final int MAX = 5;
  public static final int MAX_COMMENT = 2000;
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  public TicketRating {
    if (score < MIN || score > MAX) {
      throw new IllegalArgumentException("A rating is 1 to 5, not " + score);
    }
    comment = comment.map(String::strip).filter(c -> !c.isEmpty());
    if (comment.map(String::length).orElse(0) > MAX_COMMENT) {
      throw new IllegalArgumentException("A rating's comment has at most " + MAX_COMMENT + " characters");
    }
  }

  public YearMonth month() {
    return YearMonth.from(at.atZone(ZONE));
  }
}
