package nl.klantportaal.sla.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * A day the provider added as closed (a company day, a move): the business calendar counts no hours
 * on it. The reason, in nl/en/de, is shown to customers with the calendar.
 */
public record Closure(LocalDate date, LocalizedText reason) {
  public Closure {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
  }
}
