package nl.klantportaal.reports.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;

/** The reports' items in the table (docs/data-model.md patterns 43–44 and the fan-out's work items). */
public interface ReportRecords {

  /** Starts a month's fan-out with its first page item, once: false when the month was started before. */
  boolean startRun(ReportMonth month, Instant at);

  /** The fan-out's next page of customers, as its own item (the stream continues with it). */
  void nextPage(ReportMonth month, int page, String cursor, Instant at);

  /** Writes a work item once: false when that version of that month was asked for before. */
  boolean enqueue(ReportJob job, Instant at);

  Optional<ReportRecord> find(TenantId tenant, ReportMonth month);

  /**
   * Stores {@code record} if it is newer than the stored one (conditional on the stored version),
   * with an audit entry naming who asked: false when this or a later version is already stored.
   */
  boolean save(ReportRecord record, String requestedBy, Instant at);

  /** The customer's reports, newest month first (pattern 43). */
  List<ReportRecord> list(TenantId tenant);

  /** Whether the customer lets its users (not only its admins) read the reports. */
  boolean usersSeeReports(TenantId tenant);

  void setUsersSeeReports(TenantId tenant, boolean allowed, String by, Instant at);
}
