package nl.klantportaal.billing.port;

import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.core.claims.TenantId;

/** A customer's invoicing details ({@code TENANT#<t>}, {@code BILLING#INVOICING}), changed on the version read and audited. */
public interface InvoiceProfiles {
  /** The stored profile, or {@link InvoiceProfile#DEFAULT} (version 0). */
  InvoiceProfile load(TenantId tenant);

  /** Writes {@code next} if the stored version is {@code next.version()} (0: none yet); 409 otherwise. */
  InvoiceProfile save(TenantId tenant, InvoiceProfile next, Audit audit);
}
