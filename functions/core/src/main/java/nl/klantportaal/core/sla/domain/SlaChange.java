package nl.klantportaal.core.sla.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The SLA record of a ticket before and after one ticket change, written in the change's transaction:
 * the record conditional on {@code before}'s version (absent: on no record), due-index entries of
 * events no longer pending removed, new or moved ones put.
 */
public record SlaChange(Optional<SlaRecord> before, SlaRecord after) {
  public SlaChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
