package nl.klantportaal.core.api;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What a scheduled function reads of its EventBridge (or Scheduler) event: the schedule's {@code time}.
 * The functions take the event as a plain JSON map rather than aws-lambda-java-events' ScheduledEvent,
 * whose Joda DateTime would put joda-time (0.6 MiB) in every artefact.
 */
public final class ScheduledInvocation {
  private ScheduledInvocation() {}

  /** The event's {@code time} (ISO-8601, as EventBridge sends it), if it has a readable one. */
  public static Optional<Instant> time(Map<String, Object> event) {
    if (event == null || !(event.get("time") instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * "Now" for the run: the schedule's time when it lies ahead of {@code clock} (the local cloud's
   * scheduler may run ahead to show what fires later), else the clock's instant, so a delayed or
   * replayed event fires everything due by now, never less.
   */
  public static Instant now(Map<String, Object> event, Clock clock) {
    Instant now = clock.instant();
    return time(event).filter(t -> t.isAfter(now)).orElse(now);
  }
}
