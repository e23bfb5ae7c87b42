package nl.klantportaal.core.ticket.domain;

import nl.klantportaal.core.shared.domain.Language;

/** What the customer asks for: something broken, a question, or a request from the catalogue. */
public enum TicketType implements WireEnum {
  INCIDENT("incident", new LocalizedText("Storing", "Incident", "Störung")),
  QUESTION("question", new LocalizedText("Vraag", "Question", "Frage")),
  SERVICE_REQUEST("service-request", new LocalizedText("Serviceverzoek", "Service request", "Serviceanfrage"));

  private final String wireName;
  private final LocalizedText label;

  TicketType(String wireName, LocalizedText label) {
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
}
