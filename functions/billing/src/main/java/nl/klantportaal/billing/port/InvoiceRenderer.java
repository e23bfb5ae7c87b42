package nl.klantportaal.billing.port;

import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.ProviderDetails;

/** A final invoice as a PDF in its language, with what Dutch law wants on it. */
public interface InvoiceRenderer {
  byte[] render(Invoice invoice, ProviderDetails provider);
}
