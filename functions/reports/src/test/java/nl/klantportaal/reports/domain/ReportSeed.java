package nl.klantportaal.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import nl.klantportaal.ticketing.domain.RatingTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.BundleStatus;
import nl.klantportaal.billing.domain.Forecast;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.domain.TicketStep;

/**
 * A hand-made month (November 2026, Europe/Amsterdam = UTC+1) whose figures are worked out by hand
 * in the tests, not by the code under test. The edge cases: #4 raised at 23:30 on the 30th (in the
 * month), #5 at 00:30 on 1 December (not), #7 at 00:30 on 1 November (in), #6 done long before (not
 * counted at all), #8 resolved in November and reopened (and triaged) in December.
 */
public final class ReportSeed {
  public static final TenantId ACME = new TenantId("acme-fixture");
  public static final ReportMonth NOVEMBER = new ReportMonth(YearMonth.of(2026, 11));

  private ReportSeed() {}

  public static ReportData data(Language language) {
    List<ReportData.TicketLine> tickets = List.of(
        ticket(1, "VPN valt weg", Priority.CRITICAL, "Netwerk", "2026-10-20T09:00:00Z", "2026-11-03T10:00:00Z", "2026-11-10T10:00:00Z"),
        ticket(2, "Outlook start niet op", Priority.HIGH, "E-mail", "2026-11-02T08:00:00Z", null, null),
        ticket(3, "Gedeelde mailbox", Priority.HIGH, "E-mail", "2026-11-05T09:00:00Z", "2026-11-06T09:00:00Z", null),
        ticket(4, "Nieuwe laptop", Priority.NORMAL, "Werkplek", "2026-11-30T22:30:00Z", "2026-12-02T10:00:00Z", null),
        ticket(5, "Toetsenbord", Priority.LOW, "Werkplek", "2026-11-30T23:30:00Z", null, null),
        ticket(6, "Oude printer", Priority.NORMAL, "Netwerk", "2026-09-01T08:00:00Z", "2026-09-09T08:00:00Z", "2026-09-10T08:00:00Z"),
        ticket(7, "Muis hapert", Priority.LOW, "Werkplek", "2026-10-31T23:30:00Z", null, null),
        // #8 resolved in November and reopened in December: resolved as of November's end.
        new ReportData.TicketLine(8, "Schijf vol", Instant.parse("2026-11-10T09:00:00Z"), List.of(
            step("2026-11-10T09:00:00Z", TicketStatus.NEW, Priority.NORMAL, "Netwerk"),
            step("2026-11-12T09:00:00Z", TicketStatus.RESOLVED, Priority.NORMAL, "Netwerk"),
            step("2026-12-03T09:00:00Z", TicketStatus.OPEN, Priority.HIGH, "Werkplek"))));
    List<ReportData.SlaLine> sla = List.of(
        new ReportData.SlaLine(1, TargetKind.RESPONSE, Priority.CRITICAL, false, Instant.parse("2026-11-01T10:00:00Z")),
        new ReportData.SlaLine(1, TargetKind.RESOLUTION, Priority.CRITICAL, false, Instant.parse("2026-11-02T12:00:00Z")),
        new ReportData.SlaLine(2, TargetKind.RESPONSE, Priority.HIGH, true, Instant.parse("2026-11-02T12:00:00Z")),
        new ReportData.SlaLine(3, TargetKind.RESPONSE, Priority.HIGH, true, Instant.parse("2026-11-05T13:00:00Z")),
        new ReportData.SlaLine(3, TargetKind.RESOLUTION, Priority.HIGH, true, Instant.parse("2026-11-07T09:00:00Z")),
        new ReportData.SlaLine(4, TargetKind.RESPONSE, Priority.NORMAL, true, Instant.parse("2026-11-30T23:00:00Z")),
        new ReportData.SlaLine(4, TargetKind.RESOLUTION, Priority.NORMAL, true, Instant.parse("2026-11-30T23:30:00Z")),
        new ReportData.SlaLine(7, TargetKind.RESPONSE, Priority.LOW, false, Instant.parse("2026-11-03T08:00:00Z")));
    var hours = new MonthReadings.Hours(Map.of(RegistrationType.BUNDLE, 570, RegistrationType.AD_HOC_BILLABLE, 90,
        RegistrationType.AD_HOC_SERVICE, 45), 30,
        List.of(new MonthReadings.BundleAtEnd("20260101-abcdef", 2400, 1830, 570, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31), BundleStatus.ACTIVE)),
        new Forecast(Forecast.Kind.NOT_ENOUGH_HISTORY, Optional.empty(), Optional.empty(), Map.of()));
    var subscription = new Subscription("sub-1", ACME, "Microsoft 365 Business Premium", 12, new Money(new java.math.BigDecimal("20.60")),
        Subscription.Period.MONTHLY, LocalDate.of(2025, 12, 21), LocalDate.of(2026, 12, 20), false, false,
        Instant.parse("2025-12-01T09:00:00Z"), 1);
    return new ReportData(new ReportData.Customer(ACME, "Acme B.V.", language), tickets, sla, hours, List.of(subscription),
        new RatingTotals(NOVEMBER.value(), List.of(1, 0, 1, 3, 7)));
  }

  /** The seed with {@code extra} more breached targets (long reports: contents, page numbers). */
  public static ReportData withBreaches(Language language, int extra) {
    ReportData seed = data(language);
    List<ReportData.TicketLine> tickets = new ArrayList<>(seed.tickets());
    List<ReportData.SlaLine> sla = new ArrayList<>(seed.sla());
    for (int i = 0; i < extra; i++) {
      long number = 100 + i;
      Instant at = Instant.parse("2026-11-10T08:00:00Z").plusSeconds(60L * i);
      tickets.add(new ReportData.TicketLine(number, "Storing " + number, at,
          List.of(new TicketStep(at, TicketStatus.NEW, Priority.NORMAL, "Netwerk"))));
      sla.add(new ReportData.SlaLine(number, TargetKind.RESPONSE, Priority.NORMAL, false, at.plusSeconds(3600)));
    }
    return new ReportData(seed.customer(), tickets, sla, seed.hours(), seed.subscriptionsEnding(), seed.ratings());
  }

  /** A ticket raised, then resolved and closed at the given times (null: not), as its steps say. */
  private static ReportData.TicketLine ticket(long n, String title, Priority priority, String category, String created,
      String resolved, String closed) {
    List<TicketStep> steps = new ArrayList<>(List.of(step(created, TicketStatus.NEW, priority, category)));
    if (resolved != null) {
      steps.add(step(resolved, TicketStatus.RESOLVED, priority, category));
    }
    if (closed != null) {
      steps.add(step(closed, TicketStatus.CLOSED, priority, category));
    }
    return new ReportData.TicketLine(n, title, Instant.parse(created), steps);
  }

  private static TicketStep step(String at, TicketStatus status, Priority priority, String category) {
    return new TicketStep(Instant.parse(at), status, priority, category);
  }
}
