package nl.klantportaal.billing.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Time worked for a customer, as an agent registers it: the raw minutes (before the customer's
 * rounding), the date worked, how it is paid for, what the customer reads and the note they never see.
 */
public record Registration(
    LocalDate date,
    int minutes,
    RegistrationType type,
    String description,
    Optional<String> internalNote,
    Optional<Long> ticket) {

  public static final int MAX_MINUTES = 24 * 60;
  public static final int MAX_MONTHS_BACK = 12;

  public Registration {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new IllegalArgumentException("A registration is 1 minute to 24 hours");
    }
  }
}
