package nl.klantportaal.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

/** The figures of {@link ReportSeed}'s November, each worked out by hand (see the seed's notes). */
class MonthlyReportTest {
  private final MonthlyReport report = MonthlyReport.of(ReportSeed.NOVEMBER, ReportSeed.data(Language.NL));

  @Test
  void ticketsOpenedResolvedClosedAndStillOpenAtTheMonthsEndOnTheAmsterdamClock() {
    // opened: #2, #3, #4 (23:30 on the 30th), #7 (00:30 on the 1st), #8; resolved: #1, #3, #8; closed: #1;
    // still open at the end: #2, #4 (resolved in December), #7. #5 is December's, #6 was done in September.
    assertEquals(new MonthlyReport.Counts(5, 3, 1, 3), report.tickets().total());
    assertEquals(Map.of(
        Priority.CRITICAL, new MonthlyReport.Counts(0, 1, 1, 0),
        Priority.HIGH, new MonthlyReport.Counts(2, 1, 0, 1),
        Priority.NORMAL, new MonthlyReport.Counts(2, 1, 0, 1),
        Priority.LOW, new MonthlyReport.Counts(1, 0, 0, 1)), report.tickets().byPriority());
    assertEquals(Map.of(
        "E-mail", new MonthlyReport.Counts(2, 1, 0, 1),
        "Netwerk", new MonthlyReport.Counts(1, 2, 1, 0),
        "Werkplek", new MonthlyReport.Counts(2, 0, 0, 2)), report.tickets().byCategory());
  }

  @Test
  void aTicketReopenedAndTriagedAfterTheMonthCountsAsItStoodAtTheMonthsEnd() {
    // #8: normal, Netwerk, resolved on 12 November; reopened as high, Werkplek on 3 December.
    var only8 = new ReportData(ReportSeed.data(Language.NL).customer(),
        ReportSeed.data(Language.NL).tickets().stream().filter(t -> t.number() == 8).toList(), List.of(),
        ReportSeed.data(Language.NL).hours(), List.of(), nl.klantportaal.ticketing.domain.RatingTotals.none(ReportSeed.NOVEMBER.value()));
    var figures = MonthlyReport.of(ReportSeed.NOVEMBER, only8).tickets();
    assertEquals(new MonthlyReport.Counts(1, 1, 0, 0), figures.total());
    assertEquals(new MonthlyReport.Counts(1, 1, 0, 0), figures.byPriority().get(Priority.NORMAL));
    assertEquals(Map.of("Netwerk", new MonthlyReport.Counts(1, 1, 0, 0)), figures.byCategory());
    var december = MonthlyReport.of(ReportMonth.parse("2026-12"), only8).tickets();
    assertEquals(new MonthlyReport.Counts(0, 0, 0, 1), december.total(), "open again at December's end");
    assertEquals(new MonthlyReport.Counts(0, 0, 0, 1), december.byPriority().get(Priority.HIGH));
  }

  @Test
  void ticketsPerIsoWeekCountOnlyTheMonthsDays() {
    // 1 November 2026 is a Sunday (week 44); 30 November a Monday (week 49).
    assertEquals(List.of(
        new MonthlyReport.Week(LocalDate.of(2026, 10, 26), 44, 1, 0),
        new MonthlyReport.Week(LocalDate.of(2026, 11, 2), 45, 2, 2),
        new MonthlyReport.Week(LocalDate.of(2026, 11, 9), 46, 1, 1),
        new MonthlyReport.Week(LocalDate.of(2026, 11, 16), 47, 0, 0),
        new MonthlyReport.Week(LocalDate.of(2026, 11, 23), 48, 0, 0),
        new MonthlyReport.Week(LocalDate.of(2026, 11, 30), 49, 1, 0)), report.tickets().weeks());
  }

  @Test
  void slaCompliancePerPriorityRoundsHalfUpToOneDecimal() {
    var sla = report.sla();
    assertEquals(new MonthlyReport.Compliance(0, 1, 0, 1), sla.byPriority().get(Priority.CRITICAL));
    assertEquals(new MonthlyReport.Compliance(2, 2, 1, 1), sla.byPriority().get(Priority.HIGH));
    assertEquals(new MonthlyReport.Compliance(1, 1, 1, 1), sla.byPriority().get(Priority.NORMAL));
    assertEquals(new MonthlyReport.Compliance(0, 1, 0, 0), sla.byPriority().get(Priority.LOW));
    assertEquals(new MonthlyReport.Compliance(3, 5, 2, 3), sla.total());
    assertEquals(Optional.of(new BigDecimal("60.0")), sla.total().responsePercent());
    assertEquals(Optional.of(new BigDecimal("66.7")), sla.total().resolutionPercent(), "2/3 = 66.66… rounds up");
    assertEquals(Optional.empty(), sla.byPriority().get(Priority.LOW).resolutionPercent(), "nothing decided: no percentage");
  }

  @Test
  void breachedTargetsAreListedByDueTimeWithTheirTicketsTitles() {
    assertEquals(List.of(
        new MonthlyReport.Breach(1, "VPN valt weg", Priority.CRITICAL, TargetKind.RESPONSE, Instant.parse("2026-11-01T10:00:00Z")),
        new MonthlyReport.Breach(1, "VPN valt weg", Priority.CRITICAL, TargetKind.RESOLUTION, Instant.parse("2026-11-02T12:00:00Z")),
        new MonthlyReport.Breach(7, "Muis hapert", Priority.LOW, TargetKind.RESPONSE, Instant.parse("2026-11-03T08:00:00Z"))),
        report.sla().breaches());
  }

  @Test
  void monthsAreParsedStrictlyAndMustHaveEnded() {
    assertEquals("2026-11", ReportMonth.parse("2026-11").toString());
    for (String bad : List.of("2026-13", "2026-1", "26-11", "november", "", "2026-11-01", "1999-12")) {
      assertThrows(DomainException.InvalidInput.class, () -> ReportMonth.parse(bad), bad);
    }
    Instant lastMoment = Instant.parse("2026-11-30T22:59:59Z");   // 23:59:59 in Amsterdam
    assertThrows(DomainException.InvalidInput.class, () -> ReportSeed.NOVEMBER.requireEnded(lastMoment));
    assertEquals(ReportSeed.NOVEMBER, ReportSeed.NOVEMBER.requireEnded(Instant.parse("2026-11-30T23:00:00Z")));
    assertEquals(ReportSeed.NOVEMBER, ReportMonth.before(Instant.parse("2026-12-01T05:00:00Z")), "the schedule's 06:00 on the 1st");
    assertEquals(ReportSeed.NOVEMBER, ReportMonth.before(Instant.parse("2026-11-30T23:30:00Z")), "already December in Amsterdam");
  }
}
