package nl.klantportaal.billing.port;

import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.core.claims.TenantId;

/**
 * Where a payment provider's webhook (iDEAL, Bancontact, direct debit runs) will report: a collection
 * ran, failed, or an invoice was paid. No provider is connected yet; provider admins make the same
 * moves in the portal. A webhook adapter verifies the provider's signature and calls this.
 */
public interface PaymentEvents {
  Invoice paymentChanged(TenantId customer, String invoiceId, InvoiceState to, String provider, String reference);
}
