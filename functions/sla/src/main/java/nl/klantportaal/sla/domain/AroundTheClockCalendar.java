package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The 24×7 calendar: every instant counts, measured as real elapsed time. Across a DST change the
 * local wall clock jumps but the target does not: 24 hours from Saturday 12:00 CET before the
 * spring-forward night is Sunday 13:00 CEST (24 real hours, 25 on the wall clock the other way round).
 */
public record AroundTheClockCalendar() implements SlaCalendar {

  @Override
  public boolean isOpen(Instant instant) {
    return true;
  }

  @Override
  public Instant nextOpening(Instant instant) {
    return instant;
  }

  @Override
  public Instant addHours(Instant start, Duration target) {
    SlaCalendar.requireNotNegative(target);
    return start.plus(target);
  }

  @Override
  public Duration elapsed(Instant from, Instant to) {
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }
}
