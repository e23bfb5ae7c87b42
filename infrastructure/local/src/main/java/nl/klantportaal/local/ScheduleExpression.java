package nl.klantportaal.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)}, {@code cron(0 9 ? * MON-FRI *)} in a
 * time zone, or a one-time {@code at(2026-12-01T09:00:00)}. Cron's L, W and # are not supported.
 */
public sealed interface ScheduleExpression {

  /** The first fire time strictly after {@code after}, if any. */
  Optional<Instant> next(Instant after);

  record Rate(Duration interval, Instant origin) implements ScheduleExpression {
    @Override
    public Optional<Instant> next(Instant after) {
      long periods = Duration.between(origin, after).toMillis() / interval.toMillis() + 1;
      return Optional.of(origin.plus(interval.multipliedBy(Math.max(1, periods))));
    }
  }

  record At(LocalDateTime time, ZoneId zone) implements ScheduleExpression {
    @Override
    public Optional<Instant> next(Instant after) {
      Instant at = time.atZone(zone).toInstant();
      return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
  }

  record Cron(BitSet minutes, BitSet hours, Optional<BitSet> daysOfMonth, BitSet months, Optional<BitSet> daysOfWeek,
      BitSet years, ZoneId zone) implements ScheduleExpression {

    @Override
    public Optional<Instant> next(Instant after) {
      ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      ZonedDateTime limit = t.plusYears(5);
      while (t.isBefore(limit)) {
        if (!years.get(t.getYear() - 1970)) {
          t = t.plusYears(1).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
        } else if (!months.get(t.getMonthValue())) {
          t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        } else if (!dayMatches(t)) {
          t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
        } else if (!hours.get(t.getHour())) {
          t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
        } else if (!minutes.get(t.getMinute())) {
          t = t.plusMinutes(1);
        } else {
          return Optional.of(t.toInstant());
        }
      }
      return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
      boolean dom = daysOfMonth.map(days -> days.get(t.getDayOfMonth())).orElse(true);
      boolean dow = daysOfWeek.map(days -> days.get(t.getDayOfWeek().getValue() % 7 + 1)).orElse(true);
      return dom && dow;
    }
  }

  Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
  Pattern CRON = Pattern.compile("cron\\((.+)\\)");
  Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
  List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  static ScheduleExpression parse(String expression, ZoneId zone, Instant origin) {
    String text = expression.trim();
    Matcher rate = RATE.matcher(text);
    if (rate.matches()) {
      long n = Long.parseLong(rate.group(1));
      Duration unit = switch (rate.group(2).replaceFirst("s$", "")) {
        case "minute" -> Duration.ofMinutes(1);
        case "hour" -> Duration.ofHours(1);
        default -> Duration.ofDays(1);
      };
      return new Rate(unit.multipliedBy(n), origin);
    }
    Matcher at = AT.matcher(text);
    if (at.matches()) {
      return new At(LocalDateTime.parse(at.group(1)), zone);
    }
    Matcher cron = CRON.matcher(text);
    if (!cron.matches()) {
      throw new IllegalArgumentException("Not a schedule expression: " + expression);
    }
    String[] f = cron.group(1).trim().split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException("cron needs 6 fields (minutes hours day-of-month month day-of-week year): " + expression);
    }
    return new Cron(field(f[0], 0, 59, List.of(), 0), field(f[1], 0, 23, List.of(), 0),
        f[2].equals("?") ? Optional.empty() : Optional.of(field(f[2], 1, 31, List.of(), 0)),
        field(f[3], 1, 12, MONTHS, 1),
        f[4].equals("?") ? Optional.empty() : Optional.of(field(f[4], 1, 7, DAYS, 1)),
        shift(field(f[5], 1970, 2199, List.of(), 0), 1970), zone);
  }

  private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
    BitSet bits = new BitSet();
    for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
      if (part.matches(".*[LW#].*")) {
        throw new IllegalArgumentException("cron L, W and # are not supported locally: " + text);
      }
      String[] stepped = part.split("/");
      int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
      String range = stepped[0];
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = value(range.split("-")[0], names, nameBase);
        to = value(range.split("-")[1], names, nameBase);
      } else {
        from = value(range, names, nameBase);
        to = stepped.length > 1 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("cron field out of range: " + text);
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names, int nameBase) {
    int named = names.indexOf(text);
    return named >= 0 ? named + nameBase : Integer.parseInt(text);
  }

  private static BitSet shift(BitSet bits, int offset) {
    BitSet shifted = new BitSet();
    bits.stream().forEach(bit -> shifted.set(bit - offset));
    return shifted;
  }
}
