package nl.klantportaal.billing.usecase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.Validation;

/** Dates of the billing context: the provider's calendar day (Europe/Amsterdam) and strict ISO dates in input. */
public final class BillingDates {
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private BillingDates() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  public static Optional<LocalDate> date(Validation v, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        v.check(false, field, "required", "is required");
      }
      return Optional.empty();
    }
    if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      v.check(false, field, "format", "must be a date as YYYY-MM-DD");
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      v.check(false, field, "format", "must be a date that exists");
      return Optional.empty();
    }
  }
}
