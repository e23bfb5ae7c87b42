package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Time that counts for an SLA. A target of H hours started at S is due when H hours of this
 * calendar have passed since S; a start outside the calendar's hours counts from the next opening.
 */
public sealed interface SlaCalendar permits BusinessCalendar, AroundTheClockCalendar {

  boolean isOpen(Instant instant);

  /** The instant itself when open, otherwise the start of the next open period. */
  Instant nextOpening(Instant instant);

  /** The instant at which {@code target} calendar time has passed since {@code start}. */
  Instant addHours(Instant start, Duration target);

  /**
   * As {@link #addHours}, or empty when the calendar cannot reach it in any reasonable time (a
   * business calendar with very few opening hours): such a target has no deadline rather than an error.
   */
  default java.util.Optional<Instant> reach(Instant start, Duration target) {
    return java.util.Optional.of(addHours(start, target));
  }

  /** Calendar time between two instants; zero when {@code to} is not after {@code from}. */
  Duration elapsed(Instant from, Instant to);

  static void requireNotNegative(Duration target) {
    if (target.isNegative()) {
      throw new IllegalArgumentException("target must not be negative: " + target);
    }
  }
}
