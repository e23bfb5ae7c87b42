package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.klantportaal.sla.domain.DutchHolidays.LiberationDay;
import org.junit.jupiter.api.Test;

class DutchHolidaysTest {

  private final DutchHolidays defaults = DutchHolidays.defaults();

  private static Set<LocalDate> dates(String... isoDates) {
    return new TreeSet<>(Stream.of(isoDates).map(LocalDate::parse).toList());
  }

  @Test
  void holidaysOf2026AreNewYearEasterKingsDayAscensionWhitsunAndChristmas() {
    assertEquals(dates("2026-01-01", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-24",
        "2026-05-25", "2026-12-25", "2026-12-26"), defaults.forYear(2026));
  }

  @Test
  void holidaysOf2027FollowEasterOn28March() {
    assertEquals(dates("2027-01-01", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-06", "2027-05-16",
        "2027-05-17", "2027-12-25", "2027-12-26"), defaults.forYear(2027));
  }

  @Test
  void easterSundayMatchesKnownDatesIncludingTheExtremes() {
    assertEquals(LocalDate.of(2026, 4, 5), DutchHolidays.easterSunday(2026));
    assertEquals(LocalDate.of(2027, 3, 28), DutchHolidays.easterSunday(2027));
    assertEquals(LocalDate.of(2285, 3, 22), DutchHolidays.easterSunday(2285));
    assertEquals(LocalDate.of(2038, 4, 25), DutchHolidays.easterSunday(2038));
    assertEquals(LocalDate.of(2019, 4, 21), DutchHolidays.easterSunday(2019));
  }

  @Test
  void kingsDayMovesTo26AprilWhenThe27thIsASunday() {
    assertEquals(LocalDate.of(2025, 4, 26), DutchHolidays.kingsDay(2025));
    assertEquals(LocalDate.of(2031, 4, 26), DutchHolidays.kingsDay(2031));
    assertTrue(defaults.isHoliday(LocalDate.of(2025, 4, 26)));
    assertFalse(defaults.isHoliday(LocalDate.of(2025, 4, 27)));
  }

  @Test
  void kingsDayStaysOn27AprilOnOtherWeekdays() {
    assertEquals(LocalDate.of(2026, 4, 27), DutchHolidays.kingsDay(2026));
    assertEquals(LocalDate.of(2027, 4, 27), DutchHolidays.kingsDay(2027));
    assertFalse(defaults.isHoliday(LocalDate.of(2026, 4, 26)));
  }

  @Test
  void liberationDayIsAHolidayOnlyInLustrumYearsByDefault() {
    assertTrue(defaults.isHoliday(LocalDate.of(2025, 5, 5)));
    assertTrue(defaults.isHoliday(LocalDate.of(2030, 5, 5)));
    assertFalse(defaults.isHoliday(LocalDate.of(2026, 5, 5)));
  }

  @Test
  void liberationDaySwitchMakesItEveryYearOrNever() {
    assertTrue(defaults.withLiberationDay(LiberationDay.EVERY_YEAR).isHoliday(LocalDate.of(2026, 5, 5)));
    assertFalse(defaults.withLiberationDay(LiberationDay.NEVER).isHoliday(LocalDate.of(2025, 5, 5)));
  }

  @Test
  void goodFridayIsAWorkingDayByDefault() {
    assertFalse(defaults.isHoliday(LocalDate.of(2026, 4, 3)));
    assertFalse(defaults.isHoliday(LocalDate.of(2027, 3, 26)));
  }

  @Test
  void goodFridaySwitchMakesItAHoliday() {
    DutchHolidays withGoodFriday = defaults.withGoodFriday(true);
    assertTrue(withGoodFriday.isHoliday(LocalDate.of(2026, 4, 3)));
    assertTrue(withGoodFriday.isHoliday(LocalDate.of(2027, 3, 26)));
  }

  @Test
  void ordinaryDaysAreNoHolidays() {
    for (LocalDate day : List.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31),
        LocalDate.of(2026, 5, 15))) {
      assertFalse(defaults.isHoliday(day), day.toString());
    }
  }
}
