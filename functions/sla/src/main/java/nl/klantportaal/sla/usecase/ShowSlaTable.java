package nl.klantportaal.sla.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaTarget;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.domain.WaitingPolicy;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The SLA table in force as the seed's SLA page shows it (GET /sla): a customer reads its own tier's
 * row, provider staff every tier. Each row carries the version a provider admin's edit is conditional on.
 */
public final class ShowSlaTable {
  private final SlaSettingsRepository settings;
  private final CustomerRepository customers;

  public ShowSlaTable(SlaSettingsRepository settings, CustomerRepository customers) {
    this.settings = settings;
    this.customers = customers;
  }

  public record TargetView(String priority, int responseHours, int resolutionHours, String calendar) {}

  public record WaitingView(boolean enabled, int reminderAfterBusinessDays, int remindersBeforeDrop) {}

  public record TierView(String tier, long version, List<TargetView> targets, WaitingView waiting) {}

  public record TableView(List<TierView> tiers) {}

  public TableView execute(Caller caller) {
    SlaSettings current = settings.load();
    if (caller.role().isProviderStaff()) {
      List<TierView> all = new ArrayList<>();
      for (SlaTier tier : SlaTier.values()) {
        all.add(view(current.table().terms(tier), current.tierVersion(tier)));
      }
      return new TableView(all);
    }
    SlaTier own = customers.find(caller.requireTenant()).map(Customer::slaTier)
        .orElseThrow(() -> new DomainException.NotFound("Customer " + caller.requireTenant().value()));
    return new TableView(List.of(view(current.table().terms(own), current.tierVersion(own))));
  }

  static TierView view(SlaTerms terms, long version) {
    List<TargetView> targets = new ArrayList<>();
    for (Map.Entry<Priority, SlaTarget> e : terms.targets().entrySet()) {
      targets.add(new TargetView(e.getKey().wireName(), e.getValue().responseHours(), e.getValue().resolutionHours(),
          e.getValue().calendar().wireName()));
    }
    WaitingPolicy w = terms.waiting();
    return new TierView(terms.tier().wireName(), version, targets, new WaitingView(w.enabled(),
        w.reminderAfterBusinessDays(), w.remindersBeforeDrop()));
  }
}
