package nl.klantportaal.billing.usecase.invoice;

import java.time.Clock;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.InvoiceProfiles;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;

/** A customer's invoicing details: staff read them, provider admins change them (audited, on the version read). */
public final class ManageInvoiceProfile {
  private final InvoiceProfiles profiles;
  private final Clock clock;

  public ManageInvoiceProfile(InvoiceProfiles profiles, Clock clock) {
    this.profiles = profiles;
    this.clock = clock;
  }

  public InvoiceProfile get(TenantId customer) {
    return profiles.load(customer);
  }

  public InvoiceProfile put(Caller caller, TenantId customer, InvoiceInput.Profile input) {
    InvoiceProfile next = input.validate();
    return profiles.save(customer, next, Audit.by(caller, clock.instant(), "invoice-profile-changed",
        "vat " + next.vatRate().wireName() + ", term " + next.paymentTermDays() + " days"));
  }
}
