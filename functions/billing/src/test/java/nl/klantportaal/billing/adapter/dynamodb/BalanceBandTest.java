package nl.klantportaal.billing.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.core.claims.TenantId;
import org.junit.jupiter.api.Test;

/**
 * The band of balances a booking's plan holds for, checked against the exact threshold rule at every balance: inside
 * the band the booking crosses what the plan crosses and stays at or above zero; just outside it, one of those fails.
 */
class BalanceBandTest {

  @Test
  void everyBalanceInTheBandCrossesWhatThePlanCrossesAndTheEdgesAreTight() {
    int checked = 0;
    for (int bought : new int[] {60, 100, 137, 600, 1000}) {
      for (int rolledIn : new int[] {0, 45}) {
        for (int lapsed : new int[] {0, 7}) {
          int capacity = bought + rolledIn;
          for (int seen = 1; seen <= capacity - lapsed; seen++) {
            for (int delta : new int[] {1, 2, 7, 13, 30, 61, seen}) {
              if (delta > seen) {
                continue;
              }
              HourBundle before = bundle(bought, rolledIn, lapsed, seen);
              DynamoDbTimeLedger.Band band = DynamoDbTimeLedger.band(before, delta);
              assertTrue(band.lowest() <= seen && seen <= band.highest(), "the balance seen is in its own band");
              List<Integer> planned = crossed(before, delta);
              int top = Math.min(band.highest(), capacity); // a bundle never holds more than its capacity
              for (int b = band.lowest(); b <= top; b++) {
                assertEquals(planned, crossed(before.withRemaining(b), delta), "inside the band at " + b);
              }
              int below = band.lowest() - 1;
              assertTrue(below < delta || !planned.equals(crossed(before.withRemaining(below), delta))
                  || (delta == seen), "the band's low end is tight");
              if (band.highest() < capacity && delta < seen) {
                assertTrue(!planned.equals(crossed(before.withRemaining(band.highest() + 1), delta)), "the high end is tight");
              }
              if (delta == seen) {
                assertEquals(new DynamoDbTimeLedger.Band(seen, seen), band, "a plan that empties the bundle holds for that balance only");
              }
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 10_000, "checked " + checked);
  }

  @Test
  void aBookingFarFromAnyThresholdToleratesConcurrentBookingsOnEitherSide() {
    HourBundle before = bundle(6000, 0, 0, 5000); // 1000 of 6000 used: far from 80 %
    DynamoDbTimeLedger.Band band = DynamoDbTimeLedger.band(before, 30);
    assertEquals(1231, band.lowest(), "80 % of 6000 is 4800 used: from 1231 left, taking 30 still stays under it");
    assertEquals(Integer.MAX_VALUE, band.highest());
  }

  private static List<Integer> crossed(HourBundle bundle, int delta) {
    List<Integer> crossed = new ArrayList<>();
    for (int percent : HourNotices.THRESHOLDS) {
      if (DynamoDbTimeLedger.crosses(bundle, delta, percent)) {
        crossed.add(percent);
      }
    }
    return crossed;
  }

  private static HourBundle bundle(int bought, int rolledIn, int lapsed, int remaining) {
    return new HourBundle("b1", new TenantId("acme-fixture"), bought, remaining, LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"), Money.euros("100.00"), HourBundle.State.ACTIVE, Optional.empty(),
        Instant.parse("2026-01-01T00:00:00Z"), 1, new HourBundle.Carry(rolledIn, lapsed, 0, Optional.empty()));
  }
}
