package nl.klantportaal.billing.usecase.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceDrafting;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.billing.port.InvoiceProfiles;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * Drafts for review: a provider admin drafts a customer's invoice for a period (with lines of their
 * own), revises a draft's own lines, or discards it; the monthly schedule drafts every customer's
 * previous month. A draft bills what no other invoice holds: the period's time still to be invoiced,
 * the subscriptions' stretches and the bundles no invoice holds (docs/billing.md, "Drafting").
 */
public final class DraftInvoices {
  private final InvoiceRepository invoices;
  private final BillingSettingsRepository settings;
  private final InvoiceProfiles profiles;
  private final SubscriptionRepository subscriptions;
  private final BundleRepository bundles;
  private final CustomerDirectory customers;
  private final Clock clock;

  public DraftInvoices(InvoiceRepository invoices, BillingSettingsRepository settings, InvoiceProfiles profiles,
      SubscriptionRepository subscriptions, BundleRepository bundles, CustomerDirectory customers, Clock clock) {
    this.invoices = invoices;
    this.settings = settings;
    this.profiles = profiles;
    this.subscriptions = subscriptions;
    this.bundles = bundles;
    this.customers = customers;
    this.clock = clock;
  }

  public Invoice draft(Caller caller, TenantId customer, InvoiceInput.Draft input) {
    var valid = input.validate();
    Instant now = clock.instant();
    return draft(customer, now.toString().substring(0, 10) + "." + RandomIds.suffix(), valid.supply(), valid.lines(),
        Audit.by(caller, now, "invoice-drafted", valid.supply().from() + ".." + valid.supply().to()))
        .orElseThrow();
  }

  /**
   * The schedule's draft of {@code month} for one customer, under a fixed id ({@code <yyyy-mm>.month}),
   * so a re-run drafts nothing twice; empty when it exists already or there is nothing to bill.
   */
  public Optional<Invoice> draftMonth(TenantId customer, YearMonth month) {
    String id = month + ".month";
    if (invoices.find(customer, id).isPresent()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Invoice.Supply supply = new Invoice.Supply(month.atDay(1), month.atEndOfMonth());
    var draft = plan(customer, id, supply, List.of());
    if (draft.invoice().lines().isEmpty()) {
      return Optional.empty();
    }
    invoices.saveDraft(draft.invoice(), draft.time(), new Audit("system:monthly-invoices", "system", now, "invoice-drafted",
        supply.from() + ".." + supply.to()));
    return invoices.find(customer, id);
  }

  private Optional<Invoice> draft(TenantId customer, String id, Invoice.Supply supply, List<InvoiceLine> manual, Audit audit) {
    var draft = plan(customer, id, supply, manual);
    invoices.saveDraft(draft.invoice(), draft.time(), audit);
    return invoices.find(customer, id);
  }

  private record Planned(Invoice invoice, List<TimeEntry> time) {}

  private Planned plan(TenantId customer, String id, Invoice.Supply supply, List<InvoiceLine> manual) {
    List<TimeEntry> time = new ArrayList<>();
    for (var t : invoices.timeToInvoice(customer, supply)) {
      if (t.heldByDraft() && !t.invoiceId().orElseThrow().equals(id)) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "The period holds registrations of draft "
            + t.invoiceId().get() + ": finalise or discard that draft first");
      }
      if (!t.held()) {
        time.add(t.line());
      }
    }
    InvoiceProfile profile = profiles.load(customer);
    // The customer's own language; a customer's invoices are in it whoever drafts them.
    Language language = customers.find(customer).map(CustomerDirectory.Entry::language).orElse(Language.NL);
    List<InvoiceDrafting.SubscriptionToBill> subs = subscriptions.list(customer).stream()
        .filter(s -> !s.cancelled())
        .map(s -> new InvoiceDrafting.SubscriptionToBill(s, invoices.charged(customer, s.id()).stream()
            .map(c -> new Invoice.Supply(c.from(), c.to())).toList()))
        .toList();
    // Every bundle with a price that no invoice holds: ordered, or activated before it was billed ("once paid or agreed"),
    // or billed by an invoice credited since.
    List<HourBundle> unbilled = bundles.list(customer).stream()
        .filter(b -> InvoiceDrafting.billable(b) && !invoices.bundleBilled(customer, b.id())).toList();
    var billing = settings.load(customer);
    Invoice invoice = withinLimit(() -> {
      List<InvoiceLine> lines = new ArrayList<>(InvoiceDrafting.lines(supply, time, billing, subs, unbilled, profile.vatRate(),
          language));
      lines.addAll(manual);
      if (lines.size() > Invoice.MAX_LINES) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
            "This period makes more than " + Invoice.MAX_LINES + " lines: draft a shorter period");
      }
      return new Invoice(id, customer, Invoice.Kind.INVOICE, supply, lines, InvoiceState.DRAFT, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), language, Optional.empty(), Optional.empty(), time.size(), false,
          clock.instant(), 0);
    });
    return new Planned(invoice, time);
  }

  /**
   * The invoice made, its totals included, refused as a conflict when a line, a VAT amount or the total would reach
   * {@link Amount#LIMIT}: a draft that could never be shown, finalised or paid is not stored.
   */
  private static Invoice withinLimit(Supplier<Invoice> make) {
    try {
      Invoice invoice = make.get();
      invoice.totals();
      return invoice;
    } catch (Amount.TooLarge e) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "This invoice would come to 100,000,000 euros or more: draft a shorter period or fewer lines");
    }
  }

  /** Replaces a draft's own (typed) lines; what it bills from the ledger, subscriptions and bundles stays. */
  public Invoice revise(Caller caller, TenantId customer, String id, InvoiceInput.Lines input) {
    List<InvoiceLine> manual = input.validate();
    Invoice draft = invoices.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (draft.state() != InvoiceState.DRAFT) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A final invoice is never edited: credit it and draft again");
    }
    if (draft.version() != input.version()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The invoice was changed meanwhile; reload it");
    }
    List<InvoiceLine> lines = new ArrayList<>(draft.lines().stream()
        .filter(l -> !(l.source() instanceof InvoiceLine.Source.Manual)).toList());
    lines.addAll(manual);
    Invoice next = withinLimit(() -> new Invoice(draft.id(), customer, draft.kind(), draft.supply(), lines, draft.state(),
        draft.number(), draft.invoiceDate(), draft.dueDate(), draft.billTo(), draft.language(), draft.credits(),
        draft.creditedBy(), draft.registrationLines(), draft.complete(), draft.createdAt(), draft.version()));
    invoices.updateDraft(next, Audit.by(caller, clock.instant(), "invoice-revised", manual.size() + " own lines"));
    return invoices.find(customer, id).orElseThrow();
  }

  public void discard(Caller caller, TenantId customer, String id, InvoiceInput.Version input) {
    long version = input.validate();
    Invoice draft = invoices.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Invoice"));
    if (draft.state() != InvoiceState.DRAFT) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A final invoice is never deleted: credit it");
    }
    if (draft.version() != version) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The invoice was changed meanwhile; reload it");
    }
    invoices.discard(draft, Audit.by(caller, clock.instant(), "invoice-discarded", ""));
  }
}
