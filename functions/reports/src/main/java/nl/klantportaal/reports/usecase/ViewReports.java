package nl.klantportaal.reports.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.reports.port.ReportFiles;
import nl.klantportaal.reports.port.ReportRecords;

/** A customer's reports per month, a download of one, and whether its users see them. */
public final class ViewReports {
  /** A presigned download link lives this long: enough to click, too short to pass around. */
  public static final Duration LINK = Duration.ofMinutes(5);

  private final ReportRecords records;
  private final ReportFiles files;
  private final Clock clock;

  public ViewReports(ReportRecords records, ReportFiles files, Clock clock) {
    this.records = records;
    this.files = files;
    this.clock = clock;
  }

  public record ReportView(String month, int version, Instant generatedAt, int pages, long bytes, String fileName) {}

  public record ReportList(String customerId, boolean usersSeeReports, List<ReportView> reports) {}

  public record DownloadView(String url, Instant expiresAt, String fileName) {}

  public ReportList list(TenantId tenant, Language language) {
    return new ReportList(tenant.value(), records.usersSeeReports(tenant),
        records.list(tenant).stream().map(r -> view(r, language)).toList());
  }

  public DownloadView download(TenantId tenant, String month, Language language) {
    ReportMonth parsed = ReportMonth.parse(month).requireEnded(clock.instant());
    ReportRecord record = records.find(tenant, parsed).orElseThrow(() -> new DomainException.NotFound("Report of " + parsed));
    String fileName = ReportRecord.fileName(parsed, language);
    ReportFiles.Download link = files.presignDownload(record.objectKey(), fileName, LINK);
    return new DownloadView(link.url().toString(), link.expiresAt(), fileName);
  }

  public ReportList setUsersSee(Caller caller, TenantId tenant, boolean allowed, Language language) {
    records.setUsersSeeReports(tenant, allowed, caller.userId().value(), clock.instant());
    return list(tenant, language);
  }

  private static ReportView view(ReportRecord r, Language language) {
    return new ReportView(r.month().toString(), r.version(), r.generatedAt(), r.pages(), r.bytes(),
        ReportRecord.fileName(r.month(), language));
  }
}
