package nl.klantportaal.billing.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A customer's billing agreement: the rounding rule, whether customer users (not only admins) see
 * the hours, the hourly rates per registration type (effective-dated), and what expiry does with
 * hours left.
 */
public record BillingSettings(RoundingRule rounding, boolean usersSeeHours, List<Rate> rates, Expiry expiry, long version) {
  public static final BillingSettings DEFAULT = new BillingSettings(RoundingRule.DEFAULT, false, List.of(), Expiry.LAPSE, 0);

  /**
   * What happens to hours left when a bundle expires: they lapse, or roll over into the customer's
   * next bundle up to {@code capMinutes} (the rest lapses).
   */
  public record Expiry(boolean rollover, int capMinutes) {
    public static final Expiry LAPSE = new Expiry(false, 0);

    public Expiry {
      if (capMinutes < 0 || capMinutes > HourBundle.MAX_MINUTES || (!rollover && capMinutes != 0)) {
        throw new IllegalArgumentException("A rollover cap is 0 to 10,000 hours, and only with rollover");
      }
    }

    /** Of {@code left} minutes, how many roll over (the rest lapses). */
    public int rolled(int left) {
      return rollover ? Math.min(left, capMinutes) : 0;
    }
  }
  public static final int MAX_RATES = 60;

  public BillingSettings {
    rates = rates.stream().sorted(Comparator.comparing(Rate::type).thenComparing(Rate::effectiveFrom)).toList();
  }

  /** The rate of {@code type} in force on {@code date}: the latest one that took effect on or before it. */
  public Optional<Money> rateOn(RegistrationType type, LocalDate date) {
    return rates.stream().filter(r -> r.type() == type && !r.effectiveFrom().isAfter(date))
        .max(Comparator.comparing(Rate::effectiveFrom)).map(Rate::hourly);
  }
}
