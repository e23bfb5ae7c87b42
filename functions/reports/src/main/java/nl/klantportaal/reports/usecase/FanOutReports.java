package nl.klantportaal.reports.usecase;

import java.time.Clock;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.port.ReportRecords;
import nl.klantportaal.reports.port.ReportSources;

/**
 * One page of the monthly fan-out: a work item per customer of the page that has no report of the
 * month yet (each written once), then the next page's item when there are more customers.
 */
public final class FanOutReports {
  /** Customers per page item: one invocation writes at most this many work items. */
  public static final int PAGE = 100;

  private final ReportSources sources;
  private final ReportRecords records;
  private final Clock clock;

  public FanOutReports(ReportSources sources, ReportRecords records, Clock clock) {
    this.sources = sources;
    this.records = records;
    this.clock = clock;
  }

  public record Outcome(int customers, int enqueued, boolean more) {}

  public Outcome execute(ReportMonth month, int page, Optional<String> cursor) {
    Page<TenantId> customers = sources.customers(cursor, PAGE);
    int enqueued = 0;
    for (TenantId tenant : customers.items()) {
      if (records.find(tenant, month).isEmpty() && records.enqueue(new ReportJob(tenant, month, 1, ReportJob.SCHEDULE),
          clock.instant())) {
        enqueued++;
      }
    }
    customers.nextCursor().ifPresent(next -> records.nextPage(month, page + 1, next, clock.instant()));
    return new Outcome(customers.items().size(), enqueued, customers.nextCursor().isPresent());
  }
}
