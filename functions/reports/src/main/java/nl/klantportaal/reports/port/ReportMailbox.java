package nl.klantportaal.reports.port;

import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.reports.domain.ReportMonth;

/** Tells a customer's admins who want report mail that a month's report is ready, with a portal link. */
public interface ReportMailbox {
  /** Mails each such admin once per customer-month (a second call sends nothing); the number of mails sent. */
  int announce(TenantId tenant, String customerName, ReportMonth month);
}
