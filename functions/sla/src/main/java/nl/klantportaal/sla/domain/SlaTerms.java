package nl.klantportaal.sla.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * One tier's row of the SLA table — a target per priority and the waiting-for-customer policy — as
 * it stood when a ticket was raised. A ticket keeps these terms for its whole life (they travel in its
 * {@link SlaEvent.Created}), so a provider admin's later edit of the table, like a customer's tier
 * change, applies to tickets raised afterwards.
 */
public record SlaTerms(SlaTier tier, Map<Priority, SlaTarget> targets, WaitingPolicy waiting) {

  public SlaTerms {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(waiting, "waiting");
    Map<Priority, SlaTarget> row = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      SlaTarget target = targets.get(priority);
      if (target == null) {
        throw new IllegalArgumentException("missing target for " + tier.wireName() + "/" + priority.wireName());
      }
      row.put(priority, target);
    }
    targets = java.util.Collections.unmodifiableMap(row);
  }

  public SlaTarget target(Priority priority) {
    return targets.get(priority);
  }
}
