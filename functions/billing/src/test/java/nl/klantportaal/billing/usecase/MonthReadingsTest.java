package nl.klantportaal.billing.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.handler.BillingFixtures;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.testing.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * A month's hours for its report, on DynamoDB Local: by the dates of the work, so time booked after the
 * month's end for a day in it (and a correction of it) counts in that month, not in none.
 */
class MonthReadingsTest {
  private static final Caller AGENT = new Caller(BillingFixtures.AGENT, Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:30:00Z"));
  private final BillingWiring billing = BillingWiring.of(BillingFixtures.freshWiring(clock));

  private void register(String date, int minutes, String type) {
    billing.registerTime().execute(AGENT, BillingFixtures.ACME, new RegistrationInput(date, minutes, type, "Werk", null, null));
  }

  @Test
  void timeBookedAfterTheMonthForADayInItCountsInThatMonth() {
    var admin = new Caller(BillingFixtures.AGENT, Optional.empty(), Role.PROVIDER_ADMIN, true, Optional.empty());
    var bundle = billing.manageBundles().create(admin, BillingFixtures.ACME,
        new BundleInput(600, "2026-11-01", "2027-10-31", new BigDecimal("900.00"), null));
    billing.manageBundles().activate(admin, BillingFixtures.ACME, bundle.id());
    register("2026-11-20", 60, "bundle");

    clock.advance(Duration.ofDays(8)); // 1 December, 10:30 in Amsterdam: after the scheduled report, Friday's work booked
    register("2026-11-30", 45, "bundle");
    register("2026-11-30", 30, "ad-hoc-billable");
    register("2026-12-01", 15, "bundle");

    MonthReadings.Hours november = billing.monthReadings().hours(BillingFixtures.ACME, NOVEMBER);
    assertEquals(105, november.minutesByType().get(RegistrationType.BUNDLE), "booked in November and on 1 December alike");
    assertEquals(30, november.minutesByType().get(RegistrationType.AD_HOC_BILLABLE));
    assertEquals(List.of(105), november.bundles().stream().map(MonthReadings.BundleAtEnd::usedMinutes).toList());
    assertEquals(List.of(495), november.bundles().stream().map(MonthReadings.BundleAtEnd::remainingMinutes).toList(),
        "at November's end: not yet the work of 1 December");

    MonthReadings.Hours december = billing.monthReadings().hours(BillingFixtures.ACME, DECEMBER);
    assertEquals(15, december.minutesByType().get(RegistrationType.BUNDLE), "November's work is not counted again");
    assertEquals(0, december.minutesByType().get(RegistrationType.AD_HOC_BILLABLE));
    assertEquals(List.of(480), december.bundles().stream().map(MonthReadings.BundleAtEnd::remainingMinutes).toList());
  }
}
