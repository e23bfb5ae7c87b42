package nl.klantportaal.core.sla.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.customer.domain.Customer;
import nl.klantportaal.core.customer.domain.SlaTier;
import nl.klantportaal.core.customer.port.CustomerRepository;
import nl.klantportaal.core.identity.domain.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.sla.domain.SlaTable;
import nl.klantportaal.core.sla.domain.SlaTarget;
import nl.klantportaal.core.sla.domain.WaitingPolicy;
import nl.klantportaal.core.ticket.domain.Priority;

/**
 * The SLA table as the seed's SLA page shows it (GET /sla): a customer reads its own tier's row,
 * provider staff every tier.
 */
public final class ShowSlaTable {
  private final SlaTable table;
  private final CustomerRepository customers;

  public ShowSlaTable(SlaTable table, CustomerRepository customers) {
    this.table = table;
    this.customers = customers;
  }

  public record TargetView(String priority, int responseHours, int resolutionHours, String calendar) {}

  public record WaitingView(boolean enabled, int reminderAfterBusinessDays, int remindersBeforeDrop) {}

  public record TierView(String tier, List<TargetView> targets, WaitingView waiting) {}

  public record TableView(List<TierView> tiers) {}

  public TableView execute(Caller caller) {
    if (caller.role().isProviderStaff()) {
      List<TierView> all = new ArrayList<>();
      for (SlaTier tier : SlaTier.values()) {
        all.add(tier(tier));
      }
      return new TableView(all);
    }
    SlaTier own = customers.find(caller.requireTenant()).map(Customer::slaTier)
        .orElseThrow(() -> new DomainException.NotFound("Customer " + caller.requireTenant().value()));
    return new TableView(List.of(tier(own)));
  }

  private TierView tier(SlaTier tier) {
    List<TargetView> targets = new ArrayList<>();
    for (Map.Entry<Priority, SlaTarget> e : table.row(tier).entrySet()) {
      targets.add(new TargetView(e.getKey().wireName(), e.getValue().responseHours(), e.getValue().resolutionHours(),
          e.getValue().calendar().wireName()));
    }
    WaitingPolicy w = table.waitingPolicy(tier);
    return new TierView(tier.wireName(), targets, new WaitingView(w.enabled(), w.reminderAfterBusinessDays(),
        w.remindersBeforeDrop()));
  }
}
