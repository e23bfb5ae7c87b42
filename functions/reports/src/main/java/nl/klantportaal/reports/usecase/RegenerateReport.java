package nl.klantportaal.reports.usecase;

import java.time.Clock;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.reports.port.ReportRecords;

/**
 * A provider admin asks for a month's report again (a corrected registration, a new logo): a work
 * item for the next version, generated like the scheduled ones; the new version replaces the old one
 * and the record's audit names the admin. A month that has not ended is a 400; a second request for
 * the same version while the first is under way is a 409.
 */
public final class RegenerateReport {
  private final ReportRecords records;
  private final Clock clock;

  public RegenerateReport(ReportRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  public record Accepted(String customerId, String month, int version) {}

  public Accepted execute(Caller caller, TenantId tenant, String month) {
    ReportMonth parsed = ReportMonth.parse(month).requireEnded(clock.instant());
    int version = records.find(tenant, parsed).map(ReportRecord::version).orElse(0) + 1;
    if (!records.enqueue(new ReportJob(tenant, parsed, version, caller.userId().value()), clock.instant())) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Version " + version + " of this report is being made already");
    }
    return new Accepted(tenant.value(), parsed.toString(), version);
  }
}
