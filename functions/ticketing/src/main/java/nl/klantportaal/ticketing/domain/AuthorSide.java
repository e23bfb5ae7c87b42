package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** Which side of the conversation wrote a message. */
public enum AuthorSide implements WireEnum {
  CUSTOMER("customer"), PROVIDER("provider");

  private final String wireName;

  AuthorSide(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
