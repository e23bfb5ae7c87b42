package nl.klantportaal.billing.usecase;

import java.util.List;
import java.util.Optional;

/**
 * "Mijn Urenbundels": every bundle (active first), the active hours remaining, over-budget time (recent
 * bundle work no bundle covered, still to be invoiced), and the burn-rate forecast.
 */
public record HoursOverview(
    List<BundleView> bundles,
    int activeMinutesRemaining,
    int overBudgetMinutes,
    ForecastView forecast) {

  public record ForecastView(String kind, Optional<Integer> minutesPerWeek, Optional<String> runsOutOn, String text) {}
}
