package nl.klantportaal.billing.domain;

import java.time.LocalDate;

/**
 * The hourly rate of a registration type for a customer, from {@code effectiveFrom} until the next rate of that type.
 * It is below {@link #LIMIT}, so the largest bundle ({@link HourBundle#MAX_MINUTES}) priced at it stays a {@link Money}.
 */
public record Rate(RegistrationType type, LocalDate effectiveFrom, Money hourly) {
  public static final Money LIMIT = Money.euros("1000");

  public Rate {
    if (hourly.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("An hourly rate is below 1,000 euros");
    }
  }
}
