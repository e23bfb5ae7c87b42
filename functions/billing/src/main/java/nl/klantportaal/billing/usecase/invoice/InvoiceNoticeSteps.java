package nl.klantportaal.billing.usecase.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceMail;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.InvoiceDocuments;
import nl.klantportaal.billing.port.InvoiceMailbox;
import nl.klantportaal.billing.port.InvoiceProfiles;
import nl.klantportaal.billing.port.InvoiceRenderer;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.billing.usecase.BillingDates;
import nl.klantportaal.notifications.domain.ParagraphMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps an invoice's notices stand for, taken right after the write that made them and, for what
 * is due later or failed then, by the daily invoice job ({@code InvoiceNoticesFunction}). Each step is
 * safe to repeat: the PDF is stored when missing, every mail is claimed in the outbox once per invoice,
 * step and recipient, a state only moves on the version read, and a released line stays released.
 *
 * <ul>
 *   <li>{@code issued}: the PDF stored, and mailed (attached) to the billing contacts;
 *   <li>{@code overdue}: an invoice still open past its due date becomes overdue;
 *   <li>{@code reminder-7}, {@code reminder-21}: a payment reminder to the admins while it is unpaid;
 *   <li>{@code collection-failed-v<n>}: the seed's failed-collection mail to the admins;
 *   <li>{@code paid-v<n>}: the ordered bundles the invoice billed are activated (an active one stays so);
 *   <li>{@code credited}: what the credited invoice held is released, to be billed again.
 * </ul>
 */
public final class InvoiceNoticeSteps {
  public static final int[] REMINDER_DAYS = {7, 21};
  private static final Logger LOG = LoggerFactory.getLogger(InvoiceNoticeSteps.class);

  private final InvoiceRepository invoices;
  private final InvoiceProfiles profiles;
  private final InvoiceDocuments documents;
  private final InvoiceRenderer renderer;
  private final InvoiceMailbox mailbox;
  private final BundleRepository bundles;
  private final InvoiceSettings settings;
  private final Clock clock;

  public InvoiceNoticeSteps(InvoiceRepository invoices, InvoiceProfiles profiles, InvoiceDocuments documents, InvoiceRenderer renderer,
      InvoiceMailbox mailbox, BundleRepository bundles, InvoiceSettings settings, Clock clock) {
    this.invoices = invoices;
    this.profiles = profiles;
    this.documents = documents;
    this.renderer = renderer;
    this.mailbox = mailbox;
    this.bundles = bundles;
    this.settings = settings;
    this.clock = clock;
  }

  /** What the daily job did: notices handled, and those that failed (left due for the next run). */
  public record Run(int handled, int failed) {}

  /** The daily job: every notice due at {@code now}. A failing one is logged and stays due; the others go on. */
  public Run handleDue(Instant now) {
    int handled = 0;
    int failed = 0;
    for (InvoiceRepository.Notice notice : invoices.due(now)) {
      try {
        handle(notice, now);
        handled++;
      } catch (RuntimeException e) {
        failed++;
        LOG.error("Invoice notice {} of invoice {} (tenant {}) failed; it stays due", notice.kind(), notice.invoiceId(),
            notice.tenant().value(), e);
      }
    }
    return new Run(handled, failed);
  }

  /**
   * Right after the write that made it: the request has succeeded whatever happens here, so a failure
   * is logged (with the invoice) and left due for the daily job, which takes the step again.
   */
  public void handleNow(InvoiceRepository.Notice notice) {
    try {
      handle(notice, clock.instant());
    } catch (RuntimeException e) {
      LOG.error("Invoice notice {} of invoice {} (tenant {}) failed right after the write; the daily invoice job takes it again",
          notice.kind(), notice.invoiceId(), notice.tenant().value(), e);
    }
  }

  void handle(InvoiceRepository.Notice notice, Instant now) {
    Optional<Invoice> found = invoices.find(notice.tenant(), notice.invoiceId());
    if (found.isPresent()) {
      Invoice invoice = found.get();
      String kind = notice.kind();
      if (kind.equals("issued")) {
        issued(invoice);
      } else if (kind.equals("overdue")) {
        overdue(invoice, now);
      } else if (kind.startsWith("reminder-")) {
        reminder(invoice, Integer.parseInt(kind.substring("reminder-".length())), now);
      } else if (kind.startsWith("collection-failed")) {
        toAdmins(invoice, kind, (to, link) -> InvoiceMail.collectionFailed(to.language(), to.name(), invoice,
            settings.provider().name(), link));
      } else if (kind.startsWith("paid")) {
        paid(invoice, now);
      } else if (kind.equals("credited")) {
        invoices.release(invoice);
      } else {
        throw new IllegalStateException("Unknown invoice notice " + kind);
      }
    }
    invoices.done(notice, now);
  }

  /** Stores the invoice's PDF when the bucket does not hold it yet (a failed store after finalising). */
  public void ensureStored(Invoice invoice) {
    if (!documents.exists(invoice)) {
      documents.store(invoice, renderer.render(invoice, settings.provider()));
    }
  }

  private void issued(Invoice invoice) {
    byte[] pdf = renderer.render(invoice, settings.provider());
    if (!documents.exists(invoice)) {
      documents.store(invoice, pdf);
    }
    InvoiceProfile profile = profiles.load(invoice.tenant());
    for (InvoiceMailbox.Recipient to : mailbox.billingContacts(invoice.tenant(), profile.billingEmails(), invoice.language())) {
      ParagraphMail mail = InvoiceMail.issued(to.language(), to.name(), invoice, settings.provider().name(), link(invoice));
      // The PDF is in the invoice's language; its name is in the recipient's, like the mail it comes with.
      var attachment = Optional.of(new InvoiceMailbox.Attachment(InvoiceTexts.fileName(invoice, to.language()), pdf));
      mailbox.send("invoice-issued:" + invoice.id(), invoice.tenant(), to, mail, attachment);
    }
  }

  private void overdue(Invoice invoice, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, BillingDates.ZONE);
    if (invoice.overdueOn(today)) {
      invoices.changeState(invoice.withState(InvoiceState.OVERDUE), List.of(),
          new Audit("system:invoice-notices", "system", now, "invoice-overdue", ""));
    }
  }

  private void reminder(Invoice invoice, int days, Instant now) {
    if (invoice.kind() != Invoice.Kind.INVOICE || !invoice.state().unpaid()) {
      return;
    }
    int late = (int) ChronoUnit.DAYS.between(invoice.dueDate().orElseThrow(), LocalDate.ofInstant(now, BillingDates.ZONE));
    toAdmins(invoice, "reminder-" + days, (to, link) -> InvoiceMail.reminder(to.language(), to.name(), invoice, Math.max(late, days),
        settings.provider().name(), link));
  }

  private interface Render {
    ParagraphMail mail(InvoiceMailbox.Recipient to, String link);
  }

  private void toAdmins(Invoice invoice, String step, Render render) {
    for (InvoiceMailbox.Recipient to : mailbox.admins(invoice.tenant())) {
      mailbox.send("invoice-" + step + ":" + invoice.id(), invoice.tenant(), to, render.mail(to, link(invoice)), Optional.empty());
    }
  }

  private void paid(Invoice invoice, Instant now) {
    for (String bundleId : invoice.bundles()) {
      Optional<HourBundle> bundle = bundles.find(invoice.tenant(), bundleId);
      if (bundle.isPresent() && bundle.get().state() == HourBundle.State.PENDING) {
        bundles.changeState(bundle.get().activate(), new Audit("system:invoice-paid", "system", now, "bundle-activated",
            "invoice " + invoice.number().map(Object::toString).orElse(invoice.id()) + " paid"));
      }
    }
  }

  private String link(Invoice invoice) {
    return settings.portalOrigin() + "/#/invoices/" + invoice.id();
  }
}
