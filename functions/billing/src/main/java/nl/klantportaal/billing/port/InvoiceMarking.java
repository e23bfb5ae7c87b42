package nl.klantportaal.billing.port;

import java.util.List;
import nl.klantportaal.core.claims.TenantId;

/**
 * What the invoices context does to the ledger (issue: subscriptions and invoices): it invoices lines
 * that are still to be invoiced, and a credit invoice returns invoiced lines. Each call is one
 * transaction over the lines named, conditional on each line's current status.
 */
public interface InvoiceMarking {

  /** Nog te factureren → Gefactureerd with {@code invoiceNumber}; 409 if any line is not to be invoiced. */
  void markInvoiced(TenantId tenant, List<String> lineIds, String invoiceNumber);

  /** Gefactureerd → Nog te factureren (a credit invoice); 409 if any line is not invoiced. */
  void credit(TenantId tenant, List<String> lineIds);
}
