package nl.klantportaal.billing.usecase.invoice;

import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.billing.usecase.BillingAccess;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * Who sees which invoice: provider staff every customer's (drafts too); customer admins their own
 * customer's final invoices; customer users none (403: invoices are for the organisation's
 * administrators). A draft or another tenant's invoice is 404 to a customer.
 */
public final class InvoiceAccess {
  private final BillingAccess access;
  private final InvoiceRepository invoices;

  public InvoiceAccess(BillingAccess access, InvoiceRepository invoices) {
    this.access = access;
    this.invoices = invoices;
  }

  public TenantId own(Caller caller) {
    TenantId tenant = caller.requireTenant();
    if (caller.role() != Role.CUSTOMER_ADMIN) {
      throw new DomainException.Forbidden("Invoices are shown to your organisation's administrators");
    }
    return tenant;
  }

  public TenantId staffCustomer(Caller caller, TenantId customer) {
    return access.staffCustomer(caller, customer);
  }

  /** The invoice as the caller may see it: a customer never sees a draft. */
  public Invoice invoice(Caller caller, TenantId tenant, String id) {
    Invoice invoice = invoices.find(tenant, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (!caller.role().isProviderStaff() && invoice.state() == InvoiceState.DRAFT) {
      throw new DomainException.NotFound("Invoice");
    }
    return invoice;
  }
}
