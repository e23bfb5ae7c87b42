package nl.klantportaal.reports.domain;

import java.time.Instant;
import java.util.List;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.RatingTotals;
import nl.klantportaal.ticketing.domain.TicketStep;

/**
 * What a month's report is made of, read through the other contexts' published read ports (never
 * their items): the customer, its tickets created up to the month's end, the SLA outcomes counted in
 * the month, the month's hours as of its end, the subscriptions ending within 60 days of it, and the
 * ratings customers gave closed tickets in the month.
 */
public record ReportData(Customer customer, List<TicketLine> tickets, List<SlaLine> sla, MonthReadings.Hours hours,
                         List<Subscription> subscriptionsEnding, RatingTotals ratings) {

  public ReportData {
    tickets = List.copyOf(tickets);
    sla = List.copyOf(sla);
    subscriptionsEnding = List.copyOf(subscriptionsEnding);
  }

  public record Customer(TenantId id, String name, Language language) {}

  /**
   * One ticket: its number, title, when it was raised, and its steps (status, priority and category
   * from each moment on; the category as its name in the customer's language).
   */
  public record TicketLine(long number, String title, Instant createdAt, List<TicketStep> steps) {
    public TicketLine {
      steps = List.copyOf(steps);
    }
  }

  /** One response or resolution target's outcome. */
  public record SlaLine(long ticket, TargetKind target, Priority priority, boolean met, Instant dueAt) {}
}
