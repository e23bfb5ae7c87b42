package nl.klantportaal.sla.domain;

import static nl.klantportaal.sla.domain.BusinessCalendarTest.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AroundTheClockCalendarTest {

  private final AroundTheClockCalendar calendar = new AroundTheClockCalendar();

  @Test
  void weekendsAndHolidaysCount() {
    assertTrue(calendar.isOpen(ams("2026-12-25T03:00")));
    assertEquals(ams("2026-12-27T03:00"), calendar.addHours(ams("2026-12-25T03:00"), Duration.ofHours(48)));
  }

  @Test
  void springForwardCountsRealHoursSoTheWallClockShowsOneHourMore() {
    Instant due = calendar.addHours(ams("2026-03-28T12:00"), Duration.ofHours(24));
    assertEquals(Instant.parse("2026-03-29T11:00:00Z"), due);
    assertEquals(ams("2026-03-29T13:00"), due);
    assertEquals(Duration.ofHours(24), calendar.elapsed(ams("2026-03-28T12:00"), due));
  }

  @Test
  void fallBackCountsRealHoursSoTheWallClockShowsOneHourLess() {
    Instant due = calendar.addHours(ams("2026-10-24T12:00"), Duration.ofHours(24));
    assertEquals(Instant.parse("2026-10-25T10:00:00Z"), due);
    assertEquals(ams("2026-10-25T11:00"), due);
  }

  @Test
  void elapsedBackwardsIsZeroAndNegativeTargetsAreRefused() {
    assertEquals(Duration.ZERO, calendar.elapsed(ams("2026-03-10T12:00"), ams("2026-03-10T10:00")));
    assertThrows(IllegalArgumentException.class, () -> calendar.addHours(ams("2026-03-10T12:00"), Duration.ofHours(-1)));
  }
}
