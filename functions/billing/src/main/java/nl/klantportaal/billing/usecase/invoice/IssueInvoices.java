package nl.klantportaal.billing.usecase.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.billing.domain.invoice.BillTo;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.billing.port.InvoiceProfiles;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.billing.usecase.BillingDates;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * Finalising and crediting. Finalising gives a reviewed draft the next number of this year's series
 * (Europe/Amsterdam), today's date, the due date after the customer's payment term and the customer's
 * details as they are now; a credit invoice corrects a final one in full with the next number. Each
 * writes its notices in the same transaction (issued at once; overdue and the 7- and 21-day reminders),
 * which are then handled at once: the PDF is stored and mailed to the billing contacts. What fails
 * there stays due for the daily invoice job.
 */
public final class IssueInvoices {
  private final InvoiceRepository invoices;
  private final InvoiceProfiles profiles;
  private final CustomerDirectory customers;
  private final InvoiceNoticeSteps steps;
  private final Clock clock;

  public IssueInvoices(InvoiceRepository invoices, InvoiceProfiles profiles, CustomerDirectory customers, InvoiceNoticeSteps steps,
      Clock clock) {
    this.invoices = invoices;
    this.profiles = profiles;
    this.customers = customers;
    this.steps = steps;
    this.clock = clock;
  }

  public Invoice finalise(Caller caller, TenantId customer, String id, InvoiceInput.Version input) {
    long version = input.validate();
    Invoice draft = invoices.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (draft.version() != version) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The invoice was changed meanwhile; reload it");
    }
    InvoiceProfile profile = profiles.load(customer);
    LocalDate today = BillingDates.today(clock);
    BillTo billTo = new BillTo(customers.find(customer).orElseThrow(() -> new DomainException.NotFound("Customer")).name(),
        profile.address(), profile.vatId());
    // The domain's checks (draft, complete, not empty, a VAT ID where VAT is reverse-charged) before any number is taken.
    draft.finalise(new nl.klantportaal.billing.domain.invoice.InvoiceNumber(today.getYear(), 1), today,
        profile.paymentTermDays(), billTo);
    Instant now = clock.instant();
    LocalDate due = today.plusDays(profile.paymentTermDays());
    List<InvoiceRepository.Notice> notices = new ArrayList<>();
    notices.add(new InvoiceRepository.Notice(customer, id, "issued", now));
    notices.add(new InvoiceRepository.Notice(customer, id, "overdue", startOf(due.plusDays(1))));
    for (int days : InvoiceNoticeSteps.REMINDER_DAYS) {
      notices.add(new InvoiceRepository.Notice(customer, id, "reminder-" + days, startOf(due.plusDays(days))));
    }
    Invoice fin = invoices.finalise(draft, today.getYear(),
        number -> draft.finalise(number, today, profile.paymentTermDays(), billTo), notices,
        Audit.by(caller, now, "invoice-finalised", ""));
    steps.handleNow(notices.getFirst());
    return invoices.find(customer, id).orElse(fin);
  }

  public Invoice credit(Caller caller, TenantId customer, String id, InvoiceInput.Version input) {
    long version = input.validate();
    Invoice original = invoices.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (original.version() != version) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The invoice was changed meanwhile; reload it");
    }
    LocalDate today = BillingDates.today(clock);
    Instant now = clock.instant();
    String creditId = now.toString().substring(0, 10) + "." + RandomIds.suffix();
    original.creditInvoice(creditId, new nl.klantportaal.billing.domain.invoice.InvoiceNumber(today.getYear(), 1), today, now);
    List<InvoiceRepository.Notice> notices = List.of(new InvoiceRepository.Notice(customer, id, "credited", now),
        new InvoiceRepository.Notice(customer, creditId, "issued", now));
    Invoice credit = invoices.credit(original, today.getYear(), number -> original.creditInvoice(creditId, number, today, now),
        notices, Audit.by(caller, now, "invoice-credited", "by " + creditId));
    notices.forEach(steps::handleNow);
    return credit;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(BillingDates.ZONE).toInstant();
  }
}
