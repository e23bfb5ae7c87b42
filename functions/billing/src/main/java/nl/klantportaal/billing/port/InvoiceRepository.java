package nl.klantportaal.billing.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.core.claims.TenantId;

/**
 * Invoices (docs/billing.md, patterns 42–42d): one item per invoice in the customer's partition, what a
 * draft bills attached to it (registrations by {@code invoiceId}, subscription charges and bundles by a
 * claim item), numbers from one counter per year, and the invoice notices on DueIndex.
 */
public interface InvoiceRepository {

  /** The customer's time still to be invoiced dated in {@code supply}, each with the invoice it is attached to and whether that one holds it. */
  List<AttachedTime> timeToInvoice(TenantId tenant, Invoice.Supply supply);

  /** A line and the invoice it names: {@code held} when that invoice is a draft or final and not credited. */
  record AttachedTime(TimeEntry line, Optional<String> invoiceId, boolean held, boolean heldByDraft) {}

  /** The stretches of a subscription billed on invoices that still hold them. */
  List<Charged> charged(TenantId tenant, String subscriptionId);

  record Charged(LocalDate from, LocalDate to, String invoiceId) {}

  /** Whether an invoice that still holds it bills the bundle. */
  boolean bundleBilled(TenantId tenant, String bundleId);

  /**
   * Writes the draft and attaches what its lines bill: the registrations in chunked conditional
   * writes (at most 100 per transaction), then the charges and bundle with the flag that marks the
   * draft complete. When something was taken meanwhile, what was attached is released, the draft
   * deleted, and a 409 thrown.
   */
  void saveDraft(Invoice draft, List<TimeEntry> time, Audit audit);

  /** Replaces a draft's lines (same attachments) on the version read; 409 when it moved or is final. */
  void updateDraft(Invoice next, Audit audit);

  /** Deletes a draft and releases what it held. */
  void discard(Invoice draft, Audit audit);

  Optional<Invoice> find(TenantId tenant, String id);

  /** The customer's invoices, newest first. */
  List<Invoice> list(TenantId tenant);

  /**
   * Finalises with the next number of {@code year}'s series: one transaction advances the counter
   * (conditional on the value read), writes the final invoice (conditional on the draft's version), its
   * audit and its notices. A concurrent finalisation takes the number first: the counter is read again.
   */
  Invoice finalise(Invoice draft, int year, Function<InvoiceNumber, Invoice> finaliser, List<Notice> notices, Audit audit);

  /**
   * Credits {@code original} in full: one transaction advances the counter, writes the credit invoice
   * {@code creditInvoice} makes from the number, marks the original credited (conditional on its version),
   * and writes the audit and notices. Answers the credit invoice.
   */
  Invoice credit(Invoice original, int year, Function<InvoiceNumber, Invoice> creditInvoice, List<Notice> notices, Audit audit);

  /** Replaces the invoice's state on the version read (409 otherwise), with its audit and notices. */
  Invoice changeState(Invoice next, List<Notice> notices, Audit audit);

  /** Releases what a credited invoice held, so it can be billed again; idempotent. */
  void release(Invoice credited);

  /** A step the daily invoice job (and the request that wrote it, at once) takes for an invoice. */
  record Notice(TenantId tenant, String invoiceId, String kind, Instant due) {}

  /** Every invoice notice due at {@code now}, oldest first. */
  List<Notice> due(Instant now);

  /** Takes the notice off the index; false when another run did so first. */
  boolean done(Notice notice, Instant at);
}
