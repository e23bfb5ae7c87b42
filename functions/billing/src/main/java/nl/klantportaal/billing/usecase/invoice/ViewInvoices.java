package nl.klantportaal.billing.usecase.invoice;

import java.time.Duration;
import java.util.List;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.port.InvoiceDocuments;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;

/** The invoices of a customer (customers see the final ones), one invoice, and a short-lived link to its PDF. */
public final class ViewInvoices {
  /** How long a PDF link works: long enough to click, short enough not to be passed around. */
  public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);
  private final InvoiceRepository invoices;
  private final InvoiceAccess access;
  private final InvoiceDocuments documents;
  private final InvoiceNoticeSteps steps;

  public ViewInvoices(InvoiceRepository invoices, InvoiceAccess access, InvoiceDocuments documents, InvoiceNoticeSteps steps) {
    this.invoices = invoices;
    this.access = access;
    this.documents = documents;
    this.steps = steps;
  }

  /** Drafts first (newest first, staff only), then the final invoices by number, newest first. */
  public List<InvoiceView> list(Caller caller, TenantId customer, Language reader) {
    return invoices.list(customer).stream().filter(v -> caller.role().isProviderStaff() || v.state() != InvoiceState.DRAFT)
        .sorted(NEWEST_FIRST).map(v -> InvoiceView.of(v, reader)).toList();
  }

  private static final java.util.Comparator<Invoice> NEWEST_FIRST = java.util.Comparator
      .comparing((Invoice v) -> v.number().isPresent())
      .thenComparing(v -> v.number().orElse(null), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
      .thenComparing(Invoice::createdAt, java.util.Comparator.reverseOrder());

  public InvoiceView get(Caller caller, TenantId customer, String id, Language reader) {
    return InvoiceView.of(access.invoice(caller, customer, id), reader);
  }

  /**
   * A presigned link to the final invoice's PDF (stored first if finalising could not), saved under a name in
   * the reader's language. A draft has none (409).
   */
  public InvoiceDocuments.Link document(Caller caller, TenantId customer, String id, Language reader) {
    Invoice invoice = access.invoice(caller, customer, id);
    if (invoice.number().isEmpty()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A draft has no PDF yet: it is made when the invoice is finalised");
    }
    steps.ensureStored(invoice);
    return documents.link(invoice, reader, LINK_VALIDITY);
  }
}
