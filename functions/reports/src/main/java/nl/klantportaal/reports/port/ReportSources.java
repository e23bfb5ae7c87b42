package nl.klantportaal.reports.port;

import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.reports.domain.ReportData;
import nl.klantportaal.reports.domain.ReportMonth;

/** What the other contexts publish for a report: customers, and a customer's month as of its end. */
public interface ReportSources {
  Optional<ReportData.Customer> customer(TenantId tenant);

  /** One page of all customers (keyed), for the fan-out. */
  Page<TenantId> customers(Optional<String> cursor, int limit);

  ReportData gather(ReportData.Customer customer, ReportMonth month);
}
