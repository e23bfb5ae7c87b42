package nl.klantportaal.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opening hours per weekday minus Dutch public holidays minus provider-added closures.
 *
 * <p>DST: the windows are local wall-clock times, so 08:30 stays 08:30 in Amsterdam on both sides of
 * a DST change and a target crossing the change weekend ends at the same local time it would
 * otherwise. Time inside a window is counted as real elapsed time; only a window that itself
 * contains the change (hours on a Sunday night) would be an hour shorter or longer that day.
 *
 * <p>Arithmetic steps day by day (one window per day), so a 168-hour target costs a few dozen steps.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, OpeningWindow> hours, DutchHolidays holidays,
    Set<LocalDate> closures) implements SlaCalendar {

  /** No schedule is this closed: a search past ten years means the calendar never opens. */
  private static final int MAX_DAYS = 3_660;

  public BusinessCalendar {
    java.util.Objects.requireNonNull(zone, "zone");
    java.util.Objects.requireNonNull(holidays, "holidays");
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("a business calendar needs at least one open weekday");
    }
    hours = Map.copyOf(hours);
    closures = Set.copyOf(closures);
  }

  /** Monday to Friday 08:30–17:30 Europe/Amsterdam, default Dutch holidays, no closures. */
  public static BusinessCalendar defaults() {
    Map<DayOfWeek, OpeningWindow> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(day, new OpeningWindow(LocalTime.of(8, 30), LocalTime.of(17, 30)));
    }
    return new BusinessCalendar(ZoneId.of("Europe/Amsterdam"), week, DutchHolidays.defaults(), Set.of());
  }

  public BusinessCalendar withHolidays(DutchHolidays newHolidays) {
    return new BusinessCalendar(zone, hours, newHolidays, closures);
  }

  public BusinessCalendar withClosure(LocalDate date) {
    Set<LocalDate> more = new TreeSet<>(closures);
    more.add(date);
    return new BusinessCalendar(zone, hours, holidays, more);
  }

  public BusinessCalendar withHours(DayOfWeek day, Optional<OpeningWindow> window) {
    Map<DayOfWeek, OpeningWindow> week = new EnumMap<>(DayOfWeek.class);
    week.putAll(hours);
    window.ifPresentOrElse(w -> week.put(day, w), () -> week.remove(day));
    return new BusinessCalendar(zone, week, holidays, closures);
  }

  /** Whether the whole date is closed: no hours that weekday, a holiday or a closure. */
  public boolean isClosedDay(LocalDate date) {
    return !hours.containsKey(date.getDayOfWeek()) || closures.contains(date) || holidays.isHoliday(date);
  }

  @Override
  public boolean isOpen(Instant instant) {
    return window(localDate(instant)).map(w -> !instant.isBefore(w.start()) && instant.isBefore(w.end()))
        .orElse(false);
  }

  @Override
  public Instant nextOpening(Instant instant) {
    LocalDate date = localDate(instant);
    for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
      Optional<Span> window = window(date);
      if (window.isPresent() && window.get().end().isAfter(instant)) {
        return latest(window.get().start(), instant);
      }
    }
    throw neverOpens();
  }

  @Override
  public Instant addHours(Instant start, Duration target) {
    return reach(start, target).orElseThrow(BusinessCalendar::neverOpens);
  }

  /**
   * When {@code target} hours of this calendar have passed since {@code start}; empty when that lies
   * more than ten years ahead (a target these opening hours cannot reach in any reasonable time — the
   * settings refuse such a pair, see {@code SlaSettingsAdmin}).
   */
  @Override
  public Optional<Instant> reach(Instant start, Duration target) {
    SlaCalendar.requireNotNegative(target);
    Duration remaining = target;
    LocalDate date = localDate(start);
    for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
      Optional<Span> window = window(date);
      if (window.isEmpty() || !window.get().end().isAfter(start)) {
        continue;
      }
      Instant from = latest(window.get().start(), start);
      Duration available = Duration.between(from, window.get().end());
      if (remaining.compareTo(available) <= 0) {
        return Optional.of(from.plus(remaining));
      }
      remaining = remaining.minus(available);
    }
    return Optional.empty();
  }

  @Override
  public Duration elapsed(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    LocalDate last = localDate(to);
    for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
      Optional<Span> window = window(date);
      if (window.isPresent()) {
        Instant start = latest(window.get().start(), from);
        Instant end = window.get().end().isBefore(to) ? window.get().end() : to;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The instant {@code days} open days after {@code start}, counted from the next opening at or after
   * it (a wait that begins on Saturday or after closing counts from Monday's opening), at that local
   * time clamped into the target day's hours.
   */
  public Instant addBusinessDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    ZonedDateTime local = nextOpening(start).atZone(zone);
    LocalDate date = local.toLocalDate();
    for (int counted = 0, i = 0; counted < days; i++) {
      if (i > MAX_DAYS) {
        throw neverOpens();
      }
      date = date.plusDays(1);
      counted += isClosedDay(date) ? 0 : 1;
    }
    if (days == 0) {
      return nextOpening(start);
    }
    OpeningWindow hoursThatDay = hours.get(date.getDayOfWeek());
    LocalTime time = local.toLocalTime();
    LocalTime clamped = time.isBefore(hoursThatDay.opens()) ? hoursThatDay.opens()
        : time.isAfter(hoursThatDay.closes()) ? hoursThatDay.closes() : time;
    return ZonedDateTime.of(date, clamped, zone).toInstant();
  }

  private Optional<Span> window(LocalDate date) {
    if (isClosedDay(date)) {
      return Optional.empty();
    }
    OpeningWindow w = hours.get(date.getDayOfWeek());
    return Optional.of(new Span(ZonedDateTime.of(date, w.opens(), zone).toInstant(),
        ZonedDateTime.of(date, w.closes(), zone).toInstant()));
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static IllegalStateException neverOpens() {
    return new IllegalStateException("business calendar has no opening within " + MAX_DAYS + " days");
  }

  private record Span(Instant start, Instant end) {}
}
