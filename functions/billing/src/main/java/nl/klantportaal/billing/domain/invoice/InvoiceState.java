package nl.klantportaal.billing.domain.invoice;

import java.util.Map;
import java.util.Set;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * Where an invoice stands (seed: the PC Patrol help centre). A draft is the provider's to review;
 * finalising makes it open. "Incasso uitgevoerd" (in collection) means the direct debit ran, so the
 * customer must not pay it again. Overdue comes from the daily schedule; a credit invoice makes it
 * credited. {@link #payments()} says which moves a provider admin (or a payment provider) may make.
 */
public enum InvoiceState implements WireEnum {
  DRAFT("draft", new LocalizedText("Concept", "Draft", "Entwurf")),
  OPEN("open", new LocalizedText("Openstaand", "Open", "Offen")),
  IN_COLLECTION("in-collection", new LocalizedText("Incasso uitgevoerd", "Direct debit collected", "Lastschrift eingezogen")),
  PAID("paid", new LocalizedText("Betaald", "Paid", "Bezahlt")),
  OVERDUE("overdue", new LocalizedText("Vervallen", "Overdue", "Überfällig")),
  COLLECTION_FAILED("collection-failed", new LocalizedText("Incasso mislukt", "Direct debit failed", "Lastschrift fehlgeschlagen")),
  CREDITED("credited", new LocalizedText("Gecrediteerd", "Credited", "Gutgeschrieben"));

  private static final Map<InvoiceState, Set<InvoiceState>> PAYMENTS = Map.of(
      OPEN, Set.of(IN_COLLECTION, PAID),
      OVERDUE, Set.of(IN_COLLECTION, PAID),
      IN_COLLECTION, Set.of(PAID, COLLECTION_FAILED),
      COLLECTION_FAILED, Set.of(IN_COLLECTION, PAID),
      PAID, Set.of(),
      DRAFT, Set.of(),
      CREDITED, Set.of());

  private final String wireName;
  private final LocalizedText label;

  InvoiceState(String wireName, LocalizedText label) {
    this.wireName = wireName;
    this.label = label;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public LocalizedText label() {
    return label;
  }

  /** The payment moves from here: a direct debit runs, fails or is paid; a transfer is paid. */
  public Set<InvoiceState> payments() {
    return PAYMENTS.get(this);
  }

  /** Final (numbered) and not credited: the customer owes it, or paid it. */
  public boolean billed() {
    return this != DRAFT && this != CREDITED;
  }

  /** Still to be paid: open, overdue, or a collection that failed. */
  public boolean unpaid() {
    return this == OPEN || this == OVERDUE || this == COLLECTION_FAILED;
  }
}
