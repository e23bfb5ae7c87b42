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

  /** When the work item for that version of that month was written, if it is still there. */
  Optional<Instant> queuedAt(TenantId tenant, ReportMonth month, int version);

  /**
   * Writes the work item again, for one that was written at {@code queuedAt} and never made its report (its
   * retries spent, dead-lettered): removed only if still that one, then written anew, so the stream hands it
   * to the generator again. False when another request re-queued or removed it meanwhile.
   */
  boolean requeue(ReportJob job, Instant queuedAt, Instant at);

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
