package nl.klantportaal.sla.usecase;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.sla.domain.SlaStatus;
import nl.klantportaal.sla.domain.TargetStatus;
import nl.klantportaal.ticketing.usecase.ServiceLevelView;

/**
 * A ticket's SLA as the API shows it to customers and staff: the tier, and per target its state
 * ({@code running}, {@code paused}, {@code met}, {@code breached}), the priority whose hours apply,
 * the hours and calendar, the deadline (absent while paused before it could be known), the 80 %
 * warning time and when it was met.
 */
public record SlaView(String tier, Target response, Target resolution) implements ServiceLevelView {

  public record Target(String state, String priority, long hours, String calendar, Optional<Instant> dueAt,
      Optional<Instant> warningAt, Optional<Instant> metAt) {
    static Target of(TargetStatus t) {
      return new Target(t.state().wireName(), t.priority().wireName(), t.target().toHours(), t.calendar().wireName(),
          t.dueAt(), t.warningAt(), t.metAt());
    }
  }

  public static SlaView of(String tier, SlaStatus status) {
    return new SlaView(tier, Target.of(status.response()), Target.of(status.resolution()));
  }
}
