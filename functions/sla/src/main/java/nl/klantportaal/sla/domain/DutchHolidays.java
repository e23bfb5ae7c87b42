package nl.klantportaal.sla.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dutch public holidays, computed per year: New Year, Easter Sunday and Monday, King's Day (27 April,
 * 26 April when the 27th is a Sunday), Ascension (Easter + 39), Whit Sunday and Monday (Easter + 49
 * and + 50), Christmas and Boxing Day. Good Friday and Liberation Day (5 May) follow switches: by
 * default Good Friday is a working day and Liberation Day a holiday only in lustrum years (divisible
 * by 5), as in most collective agreements.
 *
 * @param goodFriday whether Good Friday is a holiday
 * @param liberationDay when 5 May is a holiday
 */
public record DutchHolidays(boolean goodFriday, LiberationDay liberationDay) {

  /** When Liberation Day (5 May) is a day off. */
  public enum LiberationDay { NEVER, LUSTRUM_YEARS, EVERY_YEAR }

  public DutchHolidays {
    java.util.Objects.requireNonNull(liberationDay, "liberationDay");
  }

  public static DutchHolidays defaults() {
    return new DutchHolidays(false, LiberationDay.LUSTRUM_YEARS);
  }

  public DutchHolidays withGoodFriday(boolean holiday) {
    return new DutchHolidays(holiday, liberationDay);
  }

  public DutchHolidays withLiberationDay(LiberationDay rule) {
    return new DutchHolidays(goodFriday, rule);
  }

  public boolean isHoliday(LocalDate date) {
    return forYear(date.getYear()).contains(date);
  }

  /** The holidays of one year, in date order. */
  public Set<LocalDate> forYear(int year) {
    LocalDate easter = easterSunday(year);
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    days.add(easter);
    days.add(easter.plusDays(1));
    days.add(kingsDay(year));
    days.add(easter.plusDays(39));
    days.add(easter.plusDays(49));
    days.add(easter.plusDays(50));
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    days.add(LocalDate.of(year, Month.DECEMBER, 26));
    if (goodFriday) {
      days.add(easter.minusDays(2));
    }
    if (liberationDay == LiberationDay.EVERY_YEAR || liberationDay == LiberationDay.LUSTRUM_YEARS && year % 5 == 0) {
      days.add(LocalDate.of(year, Month.MAY, 5));
    }
    return days;
  }

  static LocalDate kingsDay(int year) {
    LocalDate day = LocalDate.of(year, Month.APRIL, 27);
    return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
  }

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
