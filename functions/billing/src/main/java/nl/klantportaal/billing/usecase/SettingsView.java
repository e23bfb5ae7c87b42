package nl.klantportaal.billing.usecase;

import java.util.List;
import nl.klantportaal.billing.domain.BillingSettings;

/** A customer's billing agreement as the API shows it. */
public record SettingsView(int roundingIncrement, int roundingMinimum, boolean usersSeeHours, List<RateView> rates, boolean rollover,
                           int rolloverCapMinutes, long version) {
  public record RateView(String type, String effectiveFrom, String hourly) {}

  public static SettingsView of(BillingSettings s) {
    return new SettingsView(s.rounding().incrementMinutes(), s.rounding().minimumMinutes(), s.usersSeeHours(),
        s.rates().stream().map(r -> new RateView(r.type().wireName(), r.effectiveFrom().toString(), r.hourly().toString())).toList(),
        s.expiry().rollover(), s.expiry().capMinutes(), s.version());
  }
}
