package nl.klantportaal.billing.usecase;

import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * The registrations list's filters as the query string carries them: {@code from} and {@code to}
 * (default: the current month; at most 13 months apart), {@code type}, {@code ticket}.
 */
public record EntryFilter(String from, String to, String type, String ticket) {

  record Valid(TimeLedger.Period period, Optional<RegistrationType> type, Optional<Long> ticket) {}

  Valid validate(LocalDate today) {
    Validation v = new Validation();
    LocalDate start = BillingDates.date(v, "from", from, false).orElse(today.withDayOfMonth(1));
    LocalDate end = BillingDates.date(v, "to", to, false).orElse(today.withDayOfMonth(today.lengthOfMonth()));
    v.check(!end.isBefore(start), "to", "before-start", "must be on or after from");
    v.check(!end.isAfter(start.plusMonths(13)), "to", "range", "must be within 13 months of from");
    Optional<RegistrationType> kind = v.optionalEnum("type", type, RegistrationType.values(), RegistrationType::wireName);
    Optional<Long> number = Optional.empty();
    if (ticket != null) {
      v.check(ticket.matches("[0-9]{1,8}") && Long.parseLong(ticket) > 0, "ticket", "format", "must be a ticket number");
      if (ticket.matches("[0-9]{1,8}")) {
        number = Optional.of(Long.parseLong(ticket));
      }
    }
    v.throwIfInvalid();
    return new Valid(new TimeLedger.Period(start, end), kind, number);
  }
}
