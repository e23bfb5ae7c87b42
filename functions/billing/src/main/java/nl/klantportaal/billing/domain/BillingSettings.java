package nl.klantportaal.billing.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A customer's billing agreement: the rounding rule, whether customer users (not only admins) see
 * the hours, and the hourly rates per registration type, effective-dated.
 */
public record BillingSettings(RoundingRule rounding, boolean usersSeeHours, List<Rate> rates, long version) {
  public static final BillingSettings DEFAULT = new BillingSettings(RoundingRule.DEFAULT, false, List.of(), 0);
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
