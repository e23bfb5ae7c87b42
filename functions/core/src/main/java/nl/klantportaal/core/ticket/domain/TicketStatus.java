package nl.klantportaal.core.ticket.domain;

import nl.klantportaal.core.shared.domain.Language;

/** Where a ticket is in its life: new → open ↔ waiting for customer → resolved → closed. */
public enum TicketStatus implements WireEnum {
  NEW("new", new LocalizedText("Nieuw", "New", "Neu")),
  OPEN("open", new LocalizedText("In behandeling", "Open", "In Bearbeitung")),
  WAITING_FOR_CUSTOMER("waiting-for-customer",
      new LocalizedText("Wacht op reactie klant", "Waiting for customer", "Wartet auf Kunde")),
  RESOLVED("resolved", new LocalizedText("Opgelost", "Resolved", "Gelöst")),
  CLOSED("closed", new LocalizedText("Gesloten", "Closed", "Geschlossen"));

  private final String wireName;
  private final LocalizedText label;

  TicketStatus(String wireName, LocalizedText label) {
    this.wireName = wireName;
    this.label = label;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public String label(Language language) {
    return label.in(language);
  }

  /** Not yet resolved or closed: the provider still works on it. */
  public boolean isActive() {
    return this == NEW || this == OPEN || this == WAITING_FOR_CUSTOMER;
  }
}
