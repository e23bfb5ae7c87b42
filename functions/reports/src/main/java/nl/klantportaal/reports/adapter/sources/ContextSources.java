package nl.klantportaal.reports.adapter.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.reports.domain.MonthlyReport;
import nl.klantportaal.reports.domain.ReportData;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.port.ReportSources;
import nl.klantportaal.sla.port.SlaOutcomes;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.TicketStep;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.port.TicketHistory;
import nl.klantportaal.ticketing.port.TicketRatings;

/**
 * The report's sources: the read ports the accounts, tickets, SLA and billing contexts publish. It
 * never reads their items; the architecture test holds the reports module to that.
 */
public final class ContextSources implements ReportSources {
  private final CustomerRepository customers;
  private final TicketHistory tickets;
  private final CatalogueRepository catalogue;
  private final SlaOutcomes outcomes;
  private final MonthReadings billing;
  private final TicketRatings ratings;

  public ContextSources(CustomerRepository customers, TicketHistory tickets, CatalogueRepository catalogue, SlaOutcomes outcomes,
      MonthReadings billing, TicketRatings ratings) {
    this.ratings = ratings;
    this.customers = customers;
    this.tickets = tickets;
    this.catalogue = catalogue;
    this.outcomes = outcomes;
    this.billing = billing;
  }

  @Override
  public Optional<ReportData.Customer> customer(TenantId tenant) {
    return customers.find(tenant).map(c -> new ReportData.Customer(c.id(), c.name(), c.details().language()));
  }

  @Override
  public Page<TenantId> customers(Optional<String> cursor, int limit) {
    return customers.list(new PageRequest(cursor, limit)).map(c -> c.id());
  }

  @Override
  public ReportData gather(ReportData.Customer customer, ReportMonth month) {
    Map<String, String> categories = new HashMap<>();
    for (Category category : catalogue.load().categories()) {
      categories.put(category.id(), category.name().in(customer.language()));
    }
    List<ReportData.TicketLine> lines = new ArrayList<>();
    tickets.createdUntil(customer.id(), month.end(), t -> lines.add(new ReportData.TicketLine(t.ref().number().value(),
        t.title(), t.createdAt(), t.steps().stream().map(s -> new TicketStep(s.at(), s.status(), s.priority(),
            categories.getOrDefault(s.category(), s.category()))).toList())));
    List<ReportData.SlaLine> sla = outcomes.ofMonth(customer.id(), month.value()).stream()
        .map(o -> new ReportData.SlaLine(o.ticketNumber(), o.target(), o.priority(), o.met(), o.dueAt())).toList();
    return new ReportData(customer, lines, sla, billing.hours(customer.id(), month.value()),
        billing.subscriptionsEnding(customer.id(), month.lastDay(), MonthlyReport.SUBSCRIPTION_DAYS),
        ratings.totals(customer.id(), month.value()));
  }
}
