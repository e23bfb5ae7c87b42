package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * One target of one ticket, evaluated at a moment.
 *
 * @param priority the priority whose target applies (the creation priority when a later change came
 *     after this target was already met or breached)
 * @param dueAt when the target's calendar time runs out; empty while paused before that happened
 * @param warningAt when 80 % of the target's calendar time has passed; empty while paused before that
 * @param metAt when the target was reached (first public reply, resolution)
 */
public record TargetStatus(TargetKind kind, Priority priority, Duration target, CalendarKind calendar,
    Optional<Instant> dueAt, Optional<Instant> warningAt, Optional<Instant> metAt, SlaState state) {

  public boolean met() {
    return state == SlaState.MET;
  }
}
