package nl.klantportaal.sla.domain;

import java.util.EnumMap;
import java.util.Map;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The provider's SLA table: a target for every (tier, priority) pair and a waiting-for-customer
 * policy per tier. Immutable and always complete; edits return a new table. Start from
 * {@link DefaultSlaTable#table()}.
 */
public record SlaTable(Map<SlaTier, Map<Priority, SlaTarget>> targets, Map<SlaTier, WaitingPolicy> waiting) {

  public SlaTable {
    Map<SlaTier, Map<Priority, SlaTarget>> copy = new EnumMap<>(SlaTier.class);
    for (SlaTier tier : SlaTier.values()) {
      Map<Priority, SlaTarget> row = targets.getOrDefault(tier, Map.of());
      for (Priority priority : Priority.values()) {
        if (!row.containsKey(priority)) {
          throw new IllegalArgumentException("missing target for " + tier.wireName() + "/" + priority.wireName());
        }
      }
      copy.put(tier, Map.copyOf(row));
    }
    for (SlaTier tier : SlaTier.values()) {
      if (!waiting.containsKey(tier)) {
        throw new IllegalArgumentException("missing waiting policy for " + tier.wireName());
      }
    }
    targets = Map.copyOf(copy);
    waiting = Map.copyOf(waiting);
  }

  public SlaTarget target(SlaTier tier, Priority priority) {
    return targets.get(tier).get(priority);
  }

  public WaitingPolicy waitingPolicy(SlaTier tier) {
    return waiting.get(tier);
  }

  /** One tier's row, in priority order, for the customer's SLA page. */
  public Map<Priority, SlaTarget> row(SlaTier tier) {
    Map<Priority, SlaTarget> row = new EnumMap<>(Priority.class);
    row.putAll(targets.get(tier));
    return row;
  }

  /** The terms a ticket of {@code tier} raised now runs on. */
  public SlaTerms terms(SlaTier tier) {
    return new SlaTerms(tier, targets.get(tier), waiting.get(tier));
  }

  /** The table with one tier's row replaced (a provider admin's edit). */
  public SlaTable withTerms(SlaTerms terms) {
    Map<SlaTier, Map<Priority, SlaTarget>> copy = new EnumMap<>(targets);
    copy.put(terms.tier(), terms.targets());
    Map<SlaTier, WaitingPolicy> policies = new EnumMap<>(waiting);
    policies.put(terms.tier(), terms.waiting());
    return new SlaTable(copy, policies);
  }

  public SlaTable withTarget(SlaTier tier, Priority priority, SlaTarget target) {
    Map<SlaTier, Map<Priority, SlaTarget>> copy = new EnumMap<>(targets);
    Map<Priority, SlaTarget> row = new EnumMap<>(targets.get(tier));
    row.put(priority, target);
    copy.put(tier, row);
    return new SlaTable(copy, waiting);
  }

  public SlaTable withWaitingPolicy(SlaTier tier, WaitingPolicy policy) {
    Map<SlaTier, WaitingPolicy> copy = new EnumMap<>(waiting);
    copy.put(tier, policy);
    return new SlaTable(targets, copy);
  }
}
