package nl.klantportaal.sla.domain;

import java.util.List;

/** Both targets of one ticket at a moment, and the timed events the breach scan still has to fire. */
public record SlaStatus(TargetStatus response, TargetStatus resolution, List<PendingSlaEvent> pending) {

  public SlaStatus {
    pending = List.copyOf(pending);
  }
}
