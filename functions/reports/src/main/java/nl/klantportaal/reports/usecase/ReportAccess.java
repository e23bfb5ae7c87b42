package nl.klantportaal.reports.usecase;

import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.reports.port.ReportRecords;
import nl.klantportaal.reports.port.ReportSources;

/**
 * Who reads whose reports (the seed: "only users with the right permissions"): provider staff every
 * customer's (an unknown customer is a 404); customer admins their own; customer users their own
 * only where their customer grants it (403 otherwise). A customer never names a tenant.
 */
public final class ReportAccess {
  private final ReportSources sources;
  private final ReportRecords records;

  public ReportAccess(ReportSources sources, ReportRecords records) {
    this.sources = sources;
    this.records = records;
  }

  public TenantId staffCustomer(Caller caller, TenantId customer) {
    if (!caller.role().isProviderStaff() || sources.customer(customer).isEmpty()) {
      throw new DomainException.NotFound("Customer");
    }
    return customer;
  }

  public TenantId own(Caller caller) {
    TenantId tenant = caller.requireTenant();
    if (caller.role() == Role.CUSTOMER_USER && !records.usersSeeReports(tenant)) {
      throw new DomainException.Forbidden("Your organisation shows its reports to its administrators only");
    }
    return tenant;
  }

  /** Customer admins decide whether their users see the reports. */
  public TenantId ownAsAdmin(Caller caller) {
    TenantId tenant = caller.requireTenant();
    if (caller.role() != Role.CUSTOMER_ADMIN) {
      throw new DomainException.Forbidden("Only your organisation's administrators decide who sees its reports");
    }
    return tenant;
  }
}
