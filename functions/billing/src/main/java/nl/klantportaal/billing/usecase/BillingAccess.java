package nl.klantportaal.billing.usecase;

import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * Who sees whose hours: provider staff every customer's (the customer must exist, else 404);
 * customer admins their own; customer users their own only where their customer allows it (403
 * otherwise). A customer never names a tenant: it is the one in their token.
 */
public final class BillingAccess {
  private final CustomerRepository customers;
  private final BillingSettingsRepository settings;

  public BillingAccess(CustomerRepository customers, BillingSettingsRepository settings) {
    this.customers = customers;
    this.settings = settings;
  }

  /** The customer a staff route names, if it exists. */
  public TenantId staffCustomer(Caller caller, TenantId customer) {
    if (!caller.role().isProviderStaff()) {
      throw new DomainException.NotFound("Customer");
    }
    if (customers.find(customer).isEmpty()) {
      throw new DomainException.NotFound("Customer");
    }
    return customer;
  }

  /** The caller's own customer, when the caller may see its hours. */
  public TenantId ownHours(Caller caller) {
    TenantId tenant = caller.requireTenant();
    if (caller.role() == Role.CUSTOMER_USER && !settings.load(tenant).usersSeeHours()) {
      throw new DomainException.Forbidden("Your organisation shows hours to its administrators only");
    }
    return tenant;
  }
}
