package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.Rate;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.RoundingRule;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * A customer's billing agreement as {@code PUT /customers/{customerId}/billing-settings} receives it;
 * {@code rollover} (default false: hours left at expiry lapse) with {@code rolloverCapMinutes}.
 */
public record SettingsInput(Integer roundingIncrement, Integer roundingMinimum, Boolean usersSeeHours, List<RateInput> rates,
                           Boolean rollover, Integer rolloverCapMinutes, Long version) {

  public record RateInput(String type, String effectiveFrom, BigDecimal hourly) {}

  BillingSettings validate() {
    Validation v = new Validation();
    v.check(roundingIncrement != null && roundingIncrement >= 1 && roundingIncrement <= 60, "roundingIncrement", "range",
        "must be 1 to 60 minutes");
    v.check(roundingMinimum != null && roundingMinimum >= 0 && roundingMinimum <= 240, "roundingMinimum", "range",
        "must be 0 to 240 minutes");
    v.check(usersSeeHours != null, "usersSeeHours", "required", "is required");
    v.check(version != null && version >= 0, "version", "required", "is required: the version you read (0 for none)");
    List<Rate> parsed = new ArrayList<>();
    List<RateInput> given = rates == null ? List.of() : rates;
    v.check(given.size() <= BillingSettings.MAX_RATES, "rates", "too-many", "must have at most " + BillingSettings.MAX_RATES + " rates");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size() && i < BillingSettings.MAX_RATES; i++) {
      RateInput r = given.get(i);
      String at = "rates[" + i + "]";
      if (r == null) {
        v.check(false, at, "required", "is required");
        continue;
      }
      Optional<RegistrationType> type = v.requiredEnum(at + ".type", r.type(), RegistrationType.values(), RegistrationType::wireName);
      Optional<LocalDate> from = BillingDates.date(v, at + ".effectiveFrom", r.effectiveFrom(), true);
      Optional<Money> hourly = Optional.empty();
      if (r.hourly() == null) {
        v.check(false, at + ".hourly", "required", "is required");
      } else {
        try {
          hourly = Optional.of(new Money(r.hourly()));
        } catch (IllegalArgumentException | ArithmeticException e) {
          v.check(false, at + ".hourly", "format", "must be an amount in euros from 0 with at most two decimals");
        }
        if (hourly.isPresent() && hourly.get().compareTo(Rate.LIMIT) >= 0) {
          v.check(false, at + ".hourly", "too-large", "must be below 1,000 euros an hour");
          hourly = Optional.empty();
        }
      }
      if (type.isPresent() && from.isPresent()) {
        v.check(seen.add(type.get().wireName() + "@" + from.get()), at, "duplicate", "has the same type and date as another rate");
      }
      if (type.isPresent() && from.isPresent() && hourly.isPresent()) {
        parsed.add(new Rate(type.get(), from.get(), hourly.get()));
      }
    }
    boolean rolls = Boolean.TRUE.equals(rollover);
    int cap = rolloverCapMinutes == null ? 0 : rolloverCapMinutes;
    v.check(cap >= 0 && cap <= HourBundle.MAX_MINUTES, "rolloverCapMinutes", "range", "must be 0 to " + HourBundle.MAX_MINUTES);
    v.check(rolls || cap == 0, "rolloverCapMinutes", "without-rollover", "is only set when hours roll over");
    v.throwIfInvalid();
    return new BillingSettings(new RoundingRule(roundingIncrement, roundingMinimum), usersSeeHours, parsed,
        rolls ? new BillingSettings.Expiry(true, cap) : BillingSettings.Expiry.LAPSE, version);
  }
}
