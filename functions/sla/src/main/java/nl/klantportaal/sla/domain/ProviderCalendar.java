package nl.klantportaal.sla.domain;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The business calendar as a provider admin keeps it: opening hours per weekday (Europe/Amsterdam
 * wall-clock time), the holiday switches (Good Friday, Liberation Day) and the closures the provider
 * added. Unlike a ticket's targets, the calendar is not frozen per ticket: a closure added today
 * counts for every open ticket from its next evaluation on (docs/sla.md).
 */
public record ProviderCalendar(Map<DayOfWeek, OpeningWindow> hours, DutchHolidays holidays, List<Closure> closures) {

  /** More closures than this would be a data-entry accident (ten years of a closure a week is 520). */
  public static final int MAX_CLOSURES = 500;

  public ProviderCalendar {
    Objects.requireNonNull(holidays, "holidays");
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("a business calendar needs at least one open weekday");
    }
    Map<DayOfWeek, OpeningWindow> week = new EnumMap<>(DayOfWeek.class);
    week.putAll(hours);
    hours = java.util.Collections.unmodifiableMap(week);
    closures = closures.stream().sorted(Comparator.comparing(Closure::date)).toList();
    if (closures.stream().map(Closure::date).distinct().count() != closures.size()) {
      throw new IllegalArgumentException("a day is closed at most once");
    }
  }

  /** Monday–Friday 08:30–17:30, default holidays, no closures: {@link BusinessCalendar#defaults()}. */
  public static ProviderCalendar defaults() {
    BusinessCalendar calendar = BusinessCalendar.defaults();
    return new ProviderCalendar(calendar.hours(), calendar.holidays(), List.of());
  }

  public BusinessCalendar business() {
    BusinessCalendar defaults = BusinessCalendar.defaults();
    return new BusinessCalendar(defaults.zone(), hours, holidays,
        closures.stream().map(Closure::date).collect(Collectors.toSet()));
  }

  public SlaCalendars calendars() {
    return new SlaCalendars(business(), new AroundTheClockCalendar());
  }
}
