package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** A service request's customer-admin approval; NONE for everything that needs none. */
public enum ApprovalState implements WireEnum {
  NONE("none"), PENDING("pending"), APPROVED("approved"), REJECTED("rejected");

  private final String wireName;

  ApprovalState(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
