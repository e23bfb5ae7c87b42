package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.util.Objects;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * The targets of one (tier, priority) pair: hours to the first public reply, hours to resolution,
 * and the calendar both run on. Refuses non-positive hours and a response later than the resolution.
 */
public record SlaTarget(int responseHours, int resolutionHours, CalendarKind calendar) {

  public SlaTarget {
    Objects.requireNonNull(calendar, "calendar");
    Validation validation = new Validation();
    validation.check(responseHours > 0, "responseHours", "positive", "must be more than 0 hours");
    validation.check(resolutionHours > 0, "resolutionHours", "positive", "must be more than 0 hours");
    validation.check(responseHours <= 0 || resolutionHours <= 0 || responseHours <= resolutionHours, "responseHours", "not-after-resolution",
        "must not exceed the resolution hours");
    validation.throwIfInvalid();
  }

  public Duration response() {
    return Duration.ofHours(responseHours);
  }

  public Duration resolution() {
    return Duration.ofHours(resolutionHours);
  }

  public Duration of(TargetKind kind) {
    return kind == TargetKind.RESPONSE ? response() : resolution();
  }

  public SlaTarget withResponseHours(int hours) {
    return new SlaTarget(hours, resolutionHours, calendar);
  }

  public SlaTarget withResolutionHours(int hours) {
    return new SlaTarget(responseHours, hours, calendar);
  }

  public SlaTarget withCalendar(CalendarKind kind) {
    return new SlaTarget(responseHours, resolutionHours, kind);
  }
}
