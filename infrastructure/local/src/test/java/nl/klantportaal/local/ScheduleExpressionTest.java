package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant next(String expression, ZoneId zone, String after) {
    return ScheduleExpression.parse(expression, zone, ORIGIN).next(Instant.parse(after)).orElseThrow();
  }

  @Test
  void dailyCronInUtc() {
    assertEquals(Instant.parse("2026-11-24T08:00:00Z"), next("cron(0 8 * * ? *)", ZoneOffset.UTC, "2026-11-24T07:59:58Z"));
    assertEquals(Instant.parse("2026-11-25T08:00:00Z"), next("cron(0 8 * * ? *)", ZoneOffset.UTC, "2026-11-24T08:00:00Z"));
  }

  @Test
  void cronInAmsterdamFollowsSummerAndWinterTime() {
    assertEquals(Instant.parse("2026-11-24T06:00:00Z"), next("cron(0 7 * * ? *)", AMSTERDAM, "2026-11-24T00:00:00Z"));
    assertEquals(Instant.parse("2026-07-01T05:00:00Z"), next("cron(0 7 * * ? *)", AMSTERDAM, "2026-07-01T00:00:00Z"));
  }

  @Test
  void weekdaysByNameAndSteps() {
    // 2026-11-28 is a Saturday: the next weekday 09:00 is Monday 2026-11-30.
    assertEquals(Instant.parse("2026-11-30T08:00:00Z"), next("cron(0 9 ? * MON-FRI *)", AMSTERDAM, "2026-11-28T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-24T10:15:00Z"), next("cron(0/15 * * * ? *)", ZoneOffset.UTC, "2026-11-24T10:05:00Z"));
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), next("cron(0 0 1 * ? *)", ZoneOffset.UTC, "2026-11-24T10:05:00Z"));
  }

  @Test
  void rateCountsFromItsOrigin() {
    assertEquals(Instant.parse("2026-01-01T00:10:00Z"), next("rate(5 minutes)", ZoneOffset.UTC, "2026-01-01T00:05:00Z"));
    assertEquals(Instant.parse("2026-01-02T00:00:00Z"), next("rate(1 day)", ZoneOffset.UTC, "2026-01-01T00:00:01Z"));
  }

  @Test
  void atFiresOnceInItsZone() {
    ScheduleExpression at = ScheduleExpression.parse("at(2026-12-01T09:00:00)", AMSTERDAM, ORIGIN);
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), at.next(Instant.parse("2026-11-01T00:00:00Z")).orElseThrow());
    assertTrue(at.next(Instant.parse("2026-12-01T08:00:00Z")).isEmpty());
  }

  @Test
  void unsupportedOrMalformedExpressionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 9 L * ? *)", AMSTERDAM, ORIGIN));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 9 * *)", AMSTERDAM, ORIGIN));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every day", AMSTERDAM, ORIGIN));
  }
}
