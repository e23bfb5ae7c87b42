package nl.klantportaal.billing.usecase.invoice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.billing.port.PaymentEvents;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * A payment move by a provider admin, or by a payment provider through {@link PaymentEvents}: the
 * direct debit ran ("incasso uitgevoerd"), failed, or the invoice is paid. A failed collection mails
 * the customer's admins (the seed's "Notificatie e-mail voor mislukte incasso"); a paid invoice
 * activates the bundle it billed. Both are notices written with the move and handled at once.
 */
public final class ChangePaymentState implements PaymentEvents {
  private final InvoiceRepository invoices;
  private final InvoiceNoticeSteps steps;
  private final Clock clock;

  public ChangePaymentState(InvoiceRepository invoices, InvoiceNoticeSteps steps, Clock clock) {
    this.invoices = invoices;
    this.steps = steps;
    this.clock = clock;
  }

  public Invoice execute(Caller caller, TenantId customer, String id, InvoiceInput.State input) {
    var valid = input.validate();
    Invoice invoice = invoices.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (invoice.version() != valid.version()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The invoice was changed meanwhile; reload it");
    }
    return move(invoice, valid.to(), Audit.by(caller, clock.instant(), "invoice-" + valid.to().wireName(), ""));
  }

  @Override
  public Invoice paymentChanged(TenantId customer, String invoiceId, InvoiceState to, String provider, String reference) {
    Invoice invoice = invoices.find(customer, invoiceId).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    return move(invoice, to, new Audit("payment-provider:" + provider, "system", clock.instant(), "invoice-" + to.wireName(),
        reference));
  }

  private Invoice move(Invoice invoice, InvoiceState to, Audit audit) {
    Invoice next = invoice.pay(to);
    Instant now = clock.instant();
    List<InvoiceRepository.Notice> notices = new ArrayList<>();
    String suffix = "-v" + (invoice.version() + 1);
    if (to == InvoiceState.COLLECTION_FAILED) {
      notices.add(new InvoiceRepository.Notice(invoice.tenant(), invoice.id(), "collection-failed" + suffix, now));
    }
    if (to == InvoiceState.PAID && !invoice.bundles().isEmpty()) {
      notices.add(new InvoiceRepository.Notice(invoice.tenant(), invoice.id(), "paid" + suffix, now));
    }
    Invoice changed = invoices.changeState(next, notices, audit);
    notices.forEach(steps::handleNow);
    return changed;
  }
}
