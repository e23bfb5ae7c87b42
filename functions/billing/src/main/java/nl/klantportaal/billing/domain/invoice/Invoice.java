package nl.klantportaal.billing.domain.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * An invoice of one customer for one supply period, or a credit invoice correcting one. A draft is
 * made from what is still to be billed and reviewed by a provider admin; finalising gives it the next
 * number of the yearly series, its date and due date and the customer's details, and from then on it
 * is never edited: only its payment state moves, and a credit invoice corrects it. The registrations a
 * draft bills point at it ({@code invoiceId}); their invoice status derives from its state, so they
 * all read "Gefactureerd Factuur #n" the moment it is final.
 *
 * @param complete whether every registration, charge and bundle the lines bill is attached: a draft
 *     whose attaching was interrupted can only be discarded
 * @param credits for a credit invoice, the invoice it corrects
 * @param creditedBy for a credited invoice, its credit invoice
 */
public record Invoice(
    String id,
    TenantId tenant,
    Kind kind,
    Supply supply,
    List<InvoiceLine> lines,
    InvoiceState state,
    Optional<InvoiceNumber> number,
    Optional<LocalDate> invoiceDate,
    Optional<LocalDate> dueDate,
    Optional<BillTo> billTo,
    Language language,
    Optional<Reference> credits,
    Optional<Reference> creditedBy,
    int registrationLines,
    boolean complete,
    Instant createdAt,
    long version) {

  public static final int MAX_LINES = 200;
  /** An invoice's id: the day it was drafted and a random suffix, or the monthly draft's {@code <yyyy-mm>.month}. */
  public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
      "[0-9]{4}-[0-9]{2}(-[0-9]{2}\\.[a-z0-9]{6}|\\.month)");
  public static final int MAX_PAYMENT_TERM_DAYS = 90;

  public Invoice {
    lines = List.copyOf(lines);
    if (lines.size() > MAX_LINES) {
      throw new IllegalArgumentException("An invoice has at most " + MAX_LINES + " lines");
    }
  }

  public enum Kind { INVOICE, CREDIT }

  /** The period the invoice bills (inclusive). */
  public record Supply(LocalDate from, LocalDate to) {
    public Supply {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("A supply period ends on or after its start");
      }
      if (from.plusYears(1).isBefore(to)) {
        throw new IllegalArgumentException("A supply period is at most a year");
      }
    }

    public boolean contains(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  /** Another invoice: its id and number. */
  public record Reference(String id, InvoiceNumber number) {}

  public InvoiceTotals totals() {
    return InvoiceTotals.of(lines);
  }

  /** The ids of the bundles its lines bill: paying the invoice activates those still ordered. */
  public List<String> bundles() {
    return lines.stream().map(InvoiceLine::source).filter(s -> s instanceof InvoiceLine.Source.Bundle)
        .map(s -> ((InvoiceLine.Source.Bundle) s).bundleId()).toList();
  }

  /** A draft becomes final: open, numbered, dated, due {@code termDays} later, with the customer's details. */
  public Invoice finalise(InvoiceNumber next, LocalDate today, int termDays, BillTo customer) {
    if (state != InvoiceState.DRAFT) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "This invoice is already final");
    }
    if (!complete) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "This draft was not completed; discard it and draft it again");
    }
    if (lines.isEmpty()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "An empty invoice cannot be finalised");
    }
    if (next.year() != today.getYear()) {
      throw new IllegalArgumentException("An invoice is numbered in the series of its date's year");
    }
    if (totals().reverseCharged() && customer.vatId().isEmpty()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "VAT is reverse-charged: the customer's VAT ID must be in its invoicing details first");
    }
    return new Invoice(id, tenant, kind, supply, lines, InvoiceState.OPEN, Optional.of(next), Optional.of(today),
        Optional.of(today.plusDays(termDays)), Optional.of(customer), language, credits, creditedBy, registrationLines, true,
        createdAt, version);
  }

  /**
   * The state's label as the reader sees it: a credit invoice's money flows the other way, so an open one
   * is "to be refunded" and a paid one "settled" (against the invoice it corrects, or paid back).
   */
  public LocalizedText stateLabel() {
    if (kind == Kind.CREDIT && state == InvoiceState.OPEN) {
      return TO_BE_REFUNDED;
    }
    if (kind == Kind.CREDIT && state == InvoiceState.PAID) {
      return SETTLED;
    }
    return state.label();
  }

  private static final LocalizedText TO_BE_REFUNDED =
      new LocalizedText("Terug te betalen", "To be refunded", "Zu erstatten");
  private static final LocalizedText SETTLED =
      new LocalizedText("Verrekend", "Settled", "Verrechnet");

  /** A payment move (direct debit ran, failed, paid); any other is refused (409). */
  public Invoice pay(InvoiceState to) {
    if (kind == Kind.CREDIT && to != InvoiceState.PAID) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A credit invoice is only settled (paid)");
    }
    if (!state.payments().contains(to)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "An invoice that is " + state.wireName() + " cannot become " + to.wireName());
    }
    return withState(to);
  }

  /** The daily schedule: an open invoice past its due date is overdue. */
  public boolean overdueOn(LocalDate today) {
    return kind == Kind.INVOICE && state == InvoiceState.OPEN && dueDate.map(today::isAfter).orElse(false);
  }

  public Invoice withState(InvoiceState to) {
    return new Invoice(id, tenant, kind, supply, lines, to, number, invoiceDate, dueDate, billTo, language, credits, creditedBy,
        registrationLines, complete, createdAt, version);
  }

  /**
   * The credit invoice that corrects this one in full: every line negated, the same supply period and
   * customer, its own number (the series' next), and this one becomes credited. Against an unpaid
   * invoice (open, overdue, collection failed) it is settled at once: it cancels what was owed, so
   * neither side owes anything and the customer never sees a negative amount "open". Against one that
   * was paid or collected it stays open until the provider has paid the amount back ({@link #pay}).
   */
  public Invoice creditInvoice(String creditId, InvoiceNumber next, LocalDate today, Instant at) {
    if (kind != Kind.INVOICE || !state.billed()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          kind == Kind.CREDIT ? "A credit invoice is not credited again" : "Only a final invoice is credited");
    }
    InvoiceState settled = state.unpaid() ? InvoiceState.PAID : InvoiceState.OPEN;
    return new Invoice(creditId, tenant, Kind.CREDIT, supply, lines.stream().map(InvoiceLine::negated).toList(), settled,
        Optional.of(next), Optional.of(today), Optional.of(today), billTo, language,
        Optional.of(new Reference(id, number.orElseThrow())), Optional.empty(), registrationLines, true, at, 0);
  }

  public Invoice credited(Reference by) {
    return new Invoice(id, tenant, kind, supply, lines, InvoiceState.CREDITED, number, invoiceDate, dueDate, billTo, language,
        credits, Optional.of(by), registrationLines, complete, createdAt, version);
  }
}
