package nl.klantportaal.core.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** The ticket statuses as the ticket item carries them ({@code status}); mail texts name them per language. */
public enum TicketStatus {
  NEW("new"), OPEN("open"), WAITING_FOR_CUSTOMER("waiting-for-customer"), RESOLVED("resolved"), CLOSED("closed");

  private final String wireName;

  TicketStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<TicketStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
  }
}
