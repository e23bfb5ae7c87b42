package nl.klantportaal.billing.usecase;

import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.Registration;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * Time as an agent registers it ({@code POST /customers/{customerId}/time-registrations}, and the
 * replacement of a correction): the date worked, raw minutes, the type, what the customer reads,
 * the internal note, the ticket.
 */
public record RegistrationInput(String date, Integer minutes, String type, String description, String internalNote,
                                Long ticketNumber) {
  public static final int MAX_DESCRIPTION = 2000;
  public static final int MAX_NOTE = 4000;

  Registration validate(LocalDate today) {
    Validation v = new Validation();
    var worked = BillingDates.date(v, "date", date, true);
    worked.ifPresent(d -> {
      v.check(!d.isAfter(today), "date", "in-future", "must not be after today");
      v.check(!d.isBefore(today.minusMonths(Registration.MAX_MONTHS_BACK)), "date", "too-old",
          "must be within the last " + Registration.MAX_MONTHS_BACK + " months");
    });
    v.check(minutes != null, "minutes", "required", "is required");
    if (minutes != null) {
      v.check(minutes >= 1 && minutes <= Registration.MAX_MINUTES, "minutes", "range",
          "must be 1 to " + Registration.MAX_MINUTES + " minutes (24 hours)");
    }
    Optional<RegistrationType> kind = v.requiredEnum("type", type, RegistrationType.values(), RegistrationType::wireName);
    Optional<String> text = v.requiredMultilineText("description", description, MAX_DESCRIPTION);
    Optional<String> note = v.optionalMultilineText("internalNote", internalNote, MAX_NOTE);
    if (ticketNumber != null) {
      v.check(ticketNumber >= 1 && ticketNumber <= 99_999_999L, "ticketNumber", "range", "must be a ticket number");
    }
    v.throwIfInvalid();
    return new Registration(worked.orElseThrow(), minutes, kind.orElseThrow(), text.orElseThrow(), note,
        Optional.ofNullable(ticketNumber));
  }
}
