package nl.klantportaal.reports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.RatingTotals;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.domain.TicketStep;

/**
 * The figures of one customer's month, as of the month's end (docs/reports.md):
 * <ul>
 *   <li><b>opened</b>: raised in the month; <b>resolved</b> / <b>closed</b>: resolved / closed in the
 *       month, once however often (a ticket resolved and closed in it counts in both); <b>still open</b>:
 *       raised before the month's end and neither resolved nor closed at that moment.</li>
 *   <li>By the priority and category the ticket had at the month's end (its steps), so a later triage
 *       or reopening changes nothing in a regenerated report.</li>
 *   <li>Tickets per week: the ISO weeks that hold a day of the month, counting only the month's days.</li>
 *   <li>SLA compliance per priority: targets met over targets decided in the month (the priority when
 *       it was decided), as a percentage rounded half up to one decimal; the breached targets listed.</li>
 *   <li>Satisfaction: the ratings (1 to 5) given in the month, however old the ticket, with their
 *       average and how many of each score.</li>
 * </ul>
 */
public record MonthlyReport(ReportMonth month, ReportData.Customer customer, TicketFigures tickets, SlaFigures sla,
                            MonthReadings.Hours hours, List<Subscription> subscriptionsEnding, RatingTotals ratings) {

  /** Subscriptions ending within this many days after the month are listed. */
  public static final int SUBSCRIPTION_DAYS = 60;

  public record Counts(int opened, int resolved, int closed, int stillOpen) {
    static final Counts ZERO = new Counts(0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(opened + o.opened, resolved + o.resolved, closed + o.closed, stillOpen + o.stillOpen);
    }

    boolean isZero() {
      return opened == 0 && resolved == 0 && closed == 0 && stillOpen == 0;
    }
  }

  public record Week(LocalDate monday, int isoWeek, int opened, int resolved) {}

  public record TicketFigures(Counts total, Map<Priority, Counts> byPriority, Map<String, Counts> byCategory,
                              List<Week> weeks) {}

  /** Met and decided targets; the percentage is empty when none was decided. */
  public record Compliance(int responseMet, int responseTotal, int resolutionMet, int resolutionTotal) {
    static final Compliance ZERO = new Compliance(0, 0, 0, 0);

    public Optional<BigDecimal> responsePercent() {
      return percent(responseMet, responseTotal);
    }

    public Optional<BigDecimal> resolutionPercent() {
      return percent(resolutionMet, resolutionTotal);
    }

    Compliance plus(TargetKind target, boolean met) {
      int m = met ? 1 : 0;
      return target == TargetKind.RESPONSE
          ? new Compliance(responseMet + m, responseTotal + 1, resolutionMet, resolutionTotal)
          : new Compliance(responseMet, responseTotal, resolutionMet + m, resolutionTotal + 1);
    }

    private static Optional<BigDecimal> percent(int met, int total) {
      return total == 0 ? Optional.empty()
          : Optional.of(BigDecimal.valueOf(met * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP));
    }
  }

  public record Breach(long ticket, String title, Priority priority, TargetKind target, Instant dueAt) {}

  public record SlaFigures(Compliance total, Map<Priority, Compliance> byPriority, List<Breach> breaches) {}

  /** Computes the month's figures from what the other contexts gave. */
  public static MonthlyReport of(ReportMonth month, ReportData data) {
    Instant start = month.start();
    Instant end = month.end();
    Map<Priority, Counts> byPriority = new EnumMap<>(Priority.class);
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<LocalDate, int[]> weeks = new LinkedHashMap<>();
    for (LocalDate day = month.firstDay(); !day.isAfter(month.lastDay()); day = day.plusDays(1)) {
      weeks.putIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), new int[2]);
    }
    Counts total = Counts.ZERO;
    Map<Long, String> titles = new HashMap<>();
    for (ReportData.TicketLine t : data.tickets()) {
      Optional<TicketStep> atEnd = TicketStep.before(t.steps(), end);
      if (!t.createdAt().isBefore(end) || atEnd.isEmpty()) {
        continue;
      }
      titles.put(t.number(), t.title());
      boolean opened = month.contains(t.createdAt());
      Optional<Instant> resolvedAt = firstIn(month, t.steps(), TicketStatus.RESOLVED);
      boolean closed = firstIn(month, t.steps(), TicketStatus.CLOSED).isPresent();
      TicketStatus status = atEnd.get().status();
      boolean doneByEnd = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
      Counts counts = new Counts(opened ? 1 : 0, resolvedAt.isPresent() ? 1 : 0, closed ? 1 : 0, doneByEnd ? 0 : 1);
      if (counts.isZero()) {
        continue;
      }
      total = total.plus(counts);
      byPriority.merge(atEnd.get().priority(), counts, Counts::plus);
      byCategory.merge(atEnd.get().category(), counts, Counts::plus);
      if (opened) {
        weeks.get(weekOf(t.createdAt()))[0]++;
      }
      resolvedAt.ifPresent(at -> weeks.get(weekOf(at))[1]++);
    }
    for (Priority p : Priority.values()) {
      byPriority.putIfAbsent(p, Counts.ZERO);
    }
    List<Week> weekList = new ArrayList<>();
    weeks.forEach((monday, n) -> weekList.add(new Week(monday, monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        n[0], n[1])));

    Map<Priority, Compliance> compliance = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      compliance.put(p, Compliance.ZERO);
    }
    Compliance all = Compliance.ZERO;
    List<Breach> breaches = new ArrayList<>();
    for (ReportData.SlaLine line : data.sla()) {
      compliance.merge(line.priority(), Compliance.ZERO, (c, z) -> c.plus(line.target(), line.met()));
      all = all.plus(line.target(), line.met());
      if (!line.met()) {
        breaches.add(new Breach(line.ticket(), titles.getOrDefault(line.ticket(), ""), line.priority(), line.target(),
            line.dueAt()));
      }
    }
    breaches.sort(Comparator.comparing(Breach::dueAt).thenComparing(Breach::ticket));
    return new MonthlyReport(month, data.customer(),
        new TicketFigures(total, Map.copyOf(byPriority), java.util.Collections.unmodifiableMap(byCategory), List.copyOf(weekList)),
        new SlaFigures(all, Map.copyOf(compliance), List.copyOf(breaches)), data.hours(), data.subscriptionsEnding(),
        data.ratings());
  }

  /** When the ticket first reached {@code status} within the month, if it did. */
  private static Optional<Instant> firstIn(ReportMonth month, List<TicketStep> steps, TicketStatus status) {
    return steps.stream().filter(s -> s.status() == status && month.contains(s.at())).map(TicketStep::at).findFirst();
  }

  private static LocalDate weekOf(Instant at) {
    return at.atZone(ReportMonth.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
