package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.sla.domain.DutchHolidays.LiberationDay;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  private final BusinessCalendar calendar = BusinessCalendar.defaults();

  static Instant ams(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(AMS).toInstant();
  }

  @Test
  void targetCrossingTheWeekendContinuesMondayMorning() {
    assertEquals(ams("2026-03-09T09:30"), calendar.addHours(ams("2026-03-06T16:30"), Duration.ofHours(2)));
    assertEquals(Duration.ofHours(2), calendar.elapsed(ams("2026-03-06T16:30"), ams("2026-03-09T09:30")));
  }

  @Test
  void startOnSaturdayCountsFromMondayOpening() {
    assertEquals(ams("2026-03-09T10:30"), calendar.addHours(ams("2026-03-07T11:00"), Duration.ofHours(2)));
    assertEquals(Duration.ZERO, calendar.elapsed(ams("2026-03-07T00:00"), ams("2026-03-09T08:30")));
  }

  @Test
  void startBeforeOpeningCountsFromOpening() {
    assertEquals(ams("2026-03-10T09:30"), calendar.addHours(ams("2026-03-10T06:00"), Duration.ofHours(1)));
  }

  @Test
  void targetFillingTheDayExactlyIsDueAtClosing() {
    assertEquals(ams("2026-03-09T17:30"), calendar.addHours(ams("2026-03-09T08:30"), Duration.ofHours(9)));
  }

  @Test
  void oneMinuteMoreThanTheDayIsDueNextMorning() {
    assertEquals(ams("2026-03-10T08:31"), calendar.addHours(ams("2026-03-09T08:30"), Duration.ofMinutes(9 * 60 + 1)));
  }

  @Test
  void longTargetOf168HoursSpansFourWeeksAndElapsedAgrees() {
    Instant due = calendar.addHours(ams("2026-01-05T08:30"), Duration.ofHours(168));
    assertEquals(ams("2026-01-29T14:30"), due);
    assertEquals(Duration.ofHours(168), calendar.elapsed(ams("2026-01-05T08:30"), due));
  }

  @Test
  void holidaySkipsAscensionDay() {
    assertEquals(ams("2026-05-15T09:00"), calendar.addHours(ams("2026-05-13T17:00"), Duration.ofHours(1)));
  }

  @Test
  void christmasAndBoxingDayAndTheWeekendAreSkipped() {
    assertEquals(ams("2026-12-24T09:00"), calendar.addHours(ams("2026-12-23T17:00"), Duration.ofHours(1)));
    assertEquals(ams("2026-12-28T09:00"),
        calendar.addHours(ams("2026-12-23T17:00"), Duration.ofMinutes(30 + 9 * 60 + 30)));
  }

  @Test
  void everyHolidayOf2026And2027IsClosedAllDay() {
    for (int year : new int[] {2026, 2027}) {
      for (LocalDate holiday : DutchHolidays.defaults().forYear(year)) {
        assertFalse(calendar.isOpen(holiday.atTime(10, 0).atZone(AMS).toInstant()), holiday.toString());
        assertTrue(calendar.isClosedDay(holiday), holiday.toString());
      }
    }
  }

  @Test
  void workingDaysAroundHolidaysStayOpen() {
    assertTrue(calendar.isOpen(ams("2026-05-13T10:00")));
    assertTrue(calendar.isOpen(ams("2027-04-28T10:00")));
    assertTrue(calendar.isOpen(ams("2027-05-18T10:00")));
  }

  @Test
  void providerClosureClosesTheDay() {
    BusinessCalendar closed = calendar.withClosure(LocalDate.of(2026, 12, 24));
    assertFalse(closed.isOpen(ams("2026-12-24T10:00")));
    assertEquals(ams("2026-12-28T09:00"), closed.addHours(ams("2026-12-23T17:00"), Duration.ofHours(1)));
  }

  @Test
  void withoutClosureTheSameDayIsOpen() {
    assertTrue(calendar.isOpen(ams("2026-12-24T10:00")));
  }

  @Test
  void springForwardWeekendKeepsLocalOpeningHours() {
    Instant due = calendar.addHours(ams("2026-03-27T16:30"), Duration.ofHours(2));
    assertEquals(Instant.parse("2026-03-30T07:30:00Z"), due);
    assertEquals(ams("2026-03-30T09:30"), due);
    assertEquals(Duration.ofHours(2), calendar.elapsed(ams("2026-03-27T16:30"), due));
    assertEquals(Duration.ofHours(64), Duration.between(ams("2026-03-27T16:30"), due));
  }

  @Test
  void fallBackWeekendKeepsLocalOpeningHours() {
    Instant due = calendar.addHours(ams("2026-10-23T16:30"), Duration.ofHours(2));
    assertEquals(Instant.parse("2026-10-26T08:30:00Z"), due);
    assertEquals(Duration.ofHours(2), calendar.elapsed(ams("2026-10-23T16:30"), due));
    assertEquals(Duration.ofHours(66), Duration.between(ams("2026-10-23T16:30"), due));
  }

  @Test
  void windowContainingTheChangeCountsRealTime() {
    BusinessCalendar sundayNights = calendar.withHours(DayOfWeek.SUNDAY,
        Optional.of(new OpeningWindow(LocalTime.of(1, 0), LocalTime.of(4, 0))));
    assertEquals(Duration.ofHours(2), sundayNights.elapsed(ams("2026-03-29T00:00"), ams("2026-03-29T12:00")));
    assertEquals(Duration.ofHours(4), sundayNights.elapsed(ams("2026-10-25T00:00"), ams("2026-10-25T12:00")));
  }

  @Test
  void nextOpeningOfAnOpenInstantIsItself() {
    assertEquals(ams("2026-03-10T11:00"), calendar.nextOpening(ams("2026-03-10T11:00")));
    assertTrue(calendar.isOpen(ams("2026-03-10T08:30")));
  }

  @Test
  void closingTimeIsClosedAndNextOpeningIsTheNextWorkingMorning() {
    assertFalse(calendar.isOpen(ams("2026-03-13T17:30")));
    assertEquals(ams("2026-03-16T08:30"), calendar.nextOpening(ams("2026-03-13T17:30")));
    assertEquals(ams("2026-04-07T08:30"), calendar.nextOpening(ams("2026-04-04T12:00")));
  }

  @Test
  void goodFridayIsOpenByDefaultAndClosedWhenSwitched() {
    assertTrue(calendar.isOpen(ams("2026-04-03T10:00")));
    BusinessCalendar closed = calendar.withHolidays(DutchHolidays.defaults().withGoodFriday(true));
    assertFalse(closed.isOpen(ams("2026-04-03T10:00")));
    assertEquals(ams("2026-04-07T09:00"), closed.addHours(ams("2026-04-02T17:00"), Duration.ofHours(1)));
  }

  @Test
  void liberationDayIsOpenIn2026AndClosedWhenSwitchedOrIn2025() {
    assertTrue(calendar.isOpen(ams("2026-05-05T10:00")));
    assertFalse(calendar.isOpen(ams("2025-05-05T10:00")));
    BusinessCalendar everyYear = calendar.withHolidays(DutchHolidays.defaults().withLiberationDay(LiberationDay.EVERY_YEAR));
    assertFalse(everyYear.isOpen(ams("2026-05-05T10:00")));
  }

  @Test
  void elapsedBackwardsIsZero() {
    assertEquals(Duration.ZERO, calendar.elapsed(ams("2026-03-10T12:00"), ams("2026-03-10T10:00")));
  }

  @Test
  void negativeTargetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> calendar.addHours(ams("2026-03-10T12:00"), Duration.ofHours(-1)));
  }

  @Test
  void calendarWithoutOpenDaysOrWithInvertedHoursIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new BusinessCalendar(AMS, Map.of(), DutchHolidays.defaults(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new OpeningWindow(LocalTime.of(17, 0), LocalTime.of(9, 0)));
  }

  @Test
  void businessDaysSkipKingsDayAndKeepTheLocalTime() {
    assertEquals(ams("2026-04-29T10:00"), calendar.addBusinessDays(ams("2026-04-24T10:00"), 2));
  }

  @Test
  void businessDaysFromOutsideTheHoursCountFromTheNextOpening() {
    assertEquals(ams("2026-03-11T08:30"), calendar.addBusinessDays(ams("2026-03-06T20:00"), 2),
        "Friday evening counts from Monday 08:30: two full business days end Wednesday 08:30");
    assertEquals(ams("2026-03-11T08:30"), calendar.addBusinessDays(ams("2026-03-07T10:00"), 2), "Saturday likewise");
    assertEquals(ams("2026-03-11T08:30"), calendar.addBusinessDays(ams("2026-03-06T17:45"), 2),
        "a quarter past closing is no business time");
    assertEquals(calendar.elapsed(ams("2026-03-09T08:30"), ams("2026-03-11T08:30")),
        calendar.elapsed(ams("2026-03-06T20:00"), calendar.addBusinessDays(ams("2026-03-06T20:00"), 2)),
        "the same business hours elapse as from a Monday opening");
  }
}
