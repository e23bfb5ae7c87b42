package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** What the customer asks for: something broken, a question, or a request from the catalogue. */
public enum TicketType implements WireEnum {
  INCIDENT("incident"), QUESTION("question"), SERVICE_REQUEST("service-request");

  private final String wireName;

  TicketType(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
