package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.RatingTotals;
import nl.klantportaal.ticketing.domain.TicketRating;
import nl.klantportaal.ticketing.port.TicketRatings;

/** Provider staff read a customer's ratings of one month (GET /ratings): the totals and the ratings, newest first. */
public final class ShowRatings {
  public static final int MAX_LISTED = 500;

  private final TicketRatings ratings;
  private final Clock clock;

  public ShowRatings(TicketRatings ratings, Clock clock) {
    this.ratings = ratings;
    this.clock = clock;
  }

  /** {@code average}: to two decimals, null without ratings; {@code perScore}: counts of 1 to 5. */
  public record MonthView(String customerId, String month, int count, String average, List<Integer> perScore,
      List<RatingView> ratings, boolean more) {}

  /** {@code month}: {@code yyyy-MM}, the current month (provider's time zone) when absent. */
  public MonthView execute(java.util.Optional<String> customerId, java.util.Optional<String> month) {
    Validation v = new Validation();
    v.check(customerId.filter(TenantId::isValid).isPresent(), "customerId", "invalid", "is a customer id");
    YearMonth when = YearMonth.now(clock.withZone(TicketRating.ZONE));
    if (month.isPresent()) {
      try {
        when = YearMonth.parse(month.get());
      } catch (DateTimeParseException e) {
        v.check(false, "month", "invalid", "is a month as yyyy-MM");
      }
    }
    v.throwIfInvalid();
    TenantId customer = new TenantId(customerId.orElseThrow());
    RatingTotals totals = ratings.totals(customer, when);
    List<TicketRating> listed = ratings.ofMonth(customer, when, MAX_LISTED + 1);
    return new MonthView(customer.value(), when.toString(), totals.count(), totals.average().map(Object::toString).orElse(null),
        totals.perScore(), listed.stream().limit(MAX_LISTED).map(RatingView::of).toList(), listed.size() > MAX_LISTED);
  }
}
