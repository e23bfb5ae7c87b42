package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * Where a ticket is in its life: new → open ↔ waiting for customer → resolved → closed. The portal
 * and the mails name each status in the reader's language.
 */
public enum TicketStatus implements WireEnum {
  NEW("new"), OPEN("open"), WAITING_FOR_CUSTOMER("waiting-for-customer"), RESOLVED("resolved"), CLOSED("closed");

  private final String wireName;

  TicketStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
