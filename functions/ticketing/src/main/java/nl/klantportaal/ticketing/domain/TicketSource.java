package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** How a ticket or message reached the provider. */
public enum TicketSource implements WireEnum {
  PORTAL("portal"), EMAIL("email"), PHONE("phone"),
  /** A one-click link in a ticket mail (accept, reject, rate), used without signing in. */
  MAIL_LINK("mail-link");

  private final String wireName;

  TicketSource(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
