package nl.klantportaal.reports.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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
 * the same version while the first is under way is a 409. A work item that has not made its version
 * within {@link #STALLED} has spent its retries (the stream retries a failing item three times within
 * minutes, then dead-letters it: an S3 outage): a request then writes it again, instead of a 409 until
 * the item expires.
 */
public final class RegenerateReport {
  /** After this long a work item that has not made its version is taken to have failed for good. */
  public static final Duration STALLED = Duration.ofMinutes(30);

  private final ReportRecords records;
  private final Clock clock;

  public RegenerateReport(ReportRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  public record Accepted(String customerId, String month, int version) {}

  /** The first whole minute at which a request re-queues a work item written {@code queuedAt}. */
  static Instant askAgainFrom(Instant queuedAt) {
    Instant from = queuedAt.plus(STALLED);
    Instant minute = from.truncatedTo(ChronoUnit.MINUTES);
    return minute.equals(from) ? minute : minute.plus(1, ChronoUnit.MINUTES);
  }

  public Accepted execute(Caller caller, TenantId tenant, String month) {
    ReportMonth parsed = ReportMonth.parse(month).requireEnded(clock.instant());
    int version = records.find(tenant, parsed).map(ReportRecord::version).orElse(0) + 1;
    Instant now = clock.instant();
    ReportJob job = new ReportJob(tenant, parsed, version, caller.userId().value());
    if (records.enqueue(job, now)) {
      return new Accepted(tenant.value(), parsed.toString(), version);
    }
    Optional<Instant> queued = records.queuedAt(tenant, parsed, version);
    if (queued.isPresent() && !queued.get().plus(STALLED).isAfter(now) && records.requeue(job, queued.get(), now)) {
      return new Accepted(tenant.value(), parsed.toString(), version);
    }
    throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "Version " + version
        + " of this report is being made already" + queued.map(at -> "; if it has not appeared by "
            + askAgainFrom(at) + ", ask again then").orElse(""));
  }
}
