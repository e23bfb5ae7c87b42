package nl.klantportaal.billing.port;

import java.time.Duration;
import java.time.Instant;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.core.shared.domain.Language;

/**
 * The invoices bucket: each final invoice's PDF, kept 7 years (the Dutch bookkeeping term: versioned,
 * with a default Object Lock retention), handed out through short-lived presigned links.
 */
public interface InvoiceDocuments {
  boolean exists(Invoice invoice);

  void store(Invoice invoice, byte[] pdf);

  /** A presigned GET that saves the PDF as {@code InvoiceTexts.fileName(invoice, reader)}. */
  Link link(Invoice invoice, Language reader, Duration validity);

  record Link(String url, Instant expiresAt) {}
}
