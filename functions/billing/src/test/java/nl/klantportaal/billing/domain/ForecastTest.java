package nl.klantportaal.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The burn-rate forecast, with "today" injected. */
class ForecastTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

  /** {@code minutes} of bundle use on every weekday of the last {@code days} days. */
  private static List<Forecast.DailyUse> weekdays(int days, int minutes) {
    List<Forecast.DailyUse> use = new ArrayList<>();
    for (int i = 1; i <= days; i++) {
      LocalDate d = TODAY.minusDays(i);
      if (d.getDayOfWeek().getValue() <= 5) {
        use.add(new Forecast.DailyUse(d, minutes));
      }
    }
    return use;
  }

  @Test
  void atASteadyPaceTheHoursRunOutOnTheDayTheLastMinuteIsUsed() {
    // 8 weeks × 5 days × 42 min = 1680 min in 56 days: 30 min a day, 210 a week. 900 min left: 30 days.
    var bundle = Bundles.active("b", 3000, 900, "2026-01-01", "2027-06-30");
    Forecast f = Forecast.of(List.of(bundle), weekdays(56, 42), TODAY);
    assertEquals(Forecast.Kind.RUNS_OUT, f.kind());
    assertEquals(Optional.of(new BigDecimal("210")), f.minutesPerWeek());
    assertEquals(Optional.of(TODAY.plusDays(30)), f.runsOutOn());
  }

  @Test
  void theEarlierEndingBundleIsSpentFirstAndTheNextTakesOver() {
    var first = Bundles.active("first", 600, 300, "2026-01-01", "2027-06-30");
    var second = Bundles.active("second", 600, 600, "2026-01-01", "2027-12-31");
    Forecast f = Forecast.of(List.of(second, first), weekdays(56, 42), TODAY);
    assertEquals(Optional.of(TODAY.plusDays(10)), f.bundles().get("first").usedUpOn());
    assertEquals(Optional.of(TODAY.plusDays(30)), f.bundles().get("second").usedUpOn());
    assertEquals(Optional.of(TODAY.plusDays(30)), f.runsOutOn());
  }

  @Test
  void hoursThatOutlastTheValidityLapseAndSayHowManyWouldBeLeft() {
    // 30 min a day, 10 days of validity left (through 2026-12-02): 300 of 900 used, 600 lapse.
    var bundle = Bundles.active("b", 900, 900, "2026-01-01", "2026-12-02");
    Forecast f = Forecast.of(List.of(bundle), weekdays(56, 42), TODAY);
    assertEquals(Forecast.Kind.OUTLASTS_VALIDITY, f.kind());
    assertEquals(600, f.bundles().get("b").minutesLeftAtEnd());
  }

  @Test
  void aYoungBundleOrUseOnTooFewDaysPromisesNoDate() {
    var young = Bundles.active("young", 600, 500, "2026-11-13", "2027-06-30");
    assertEquals(Forecast.Kind.NOT_ENOUGH_HISTORY, Forecast.of(List.of(young), weekdays(10, 60), TODAY).kind());
    var old = Bundles.active("old", 600, 500, "2026-01-01", "2027-06-30");
    var twoDays = List.of(new Forecast.DailyUse(TODAY.minusDays(3), 50), new Forecast.DailyUse(TODAY.minusDays(20), 50));
    assertEquals(Forecast.Kind.NOT_ENOUGH_HISTORY, Forecast.of(List.of(old), twoDays, TODAY).kind());
  }

  @Test
  void noRecentUseAndNoActiveHoursAreSaidSo() {
    var bundle = Bundles.active("b", 600, 600, "2026-01-01", "2027-06-30");
    var reversedAway = List.of(new Forecast.DailyUse(TODAY.minusDays(3), 30), new Forecast.DailyUse(TODAY.minusDays(4), 30),
        new Forecast.DailyUse(TODAY.minusDays(5), 30), new Forecast.DailyUse(TODAY.minusDays(6), -90));
    assertEquals(Forecast.Kind.NO_RECENT_USE, Forecast.of(List.of(bundle), reversedAway, TODAY).kind());
    var usedUp = Bundles.active("u", 600, 0, "2026-01-01", "2027-06-30");
    assertEquals(Forecast.Kind.NOTHING_LEFT, Forecast.of(List.of(usedUp), weekdays(56, 42), TODAY).kind());
  }
}
