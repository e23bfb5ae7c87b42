package nl.klantportaal.reports.usecase;

import java.time.Instant;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.port.ReportRecords;

/**
 * The 1st of each month, 06:00 Europe/Amsterdam: starts the fan-out of the month just ended by
 * writing its first page item. The table's stream takes it from there ({@link FanOutReports}), a page
 * of customers per invocation, so no invocation loops over all customers. A second run of the same
 * month starts nothing.
 */
public final class StartMonthlyReports {
  private final ReportRecords records;

  public StartMonthlyReports(ReportRecords records) {
    this.records = records;
  }

  public record Outcome(ReportMonth month, boolean started) {}

  public Outcome execute(Instant now) {
    ReportMonth month = ReportMonth.before(now);
    return new Outcome(month, records.startRun(month, now));
  }
}
