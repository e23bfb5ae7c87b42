package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.core.shared.domain.Validation;

/** A new bundle as {@code POST /customers/{customerId}/hour-bundles} receives it (minutes bought, validity, price). */
public record BundleInput(Integer minutes, String validFrom, String validUntil, BigDecimal price, Long requestTicket) {

  record Valid(int minutes, LocalDate validFrom, LocalDate validUntil, Money price, Optional<Long> requestTicket) {}

  Valid validate() {
    Validation v = new Validation();
    v.check(minutes != null, "minutes", "required", "is required");
    if (minutes != null) {
      v.check(minutes >= 1 && minutes <= HourBundle.MAX_MINUTES, "minutes", "range", "must be 1 to " + HourBundle.MAX_MINUTES);
    }
    var from = BillingDates.date(v, "validFrom", validFrom, true);
    var until = BillingDates.date(v, "validUntil", validUntil, true);
    if (from.isPresent() && until.isPresent()) {
      v.check(!until.get().isBefore(from.get()), "validUntil", "before-start", "must be on or after validFrom");
      v.check(!until.get().isAfter(from.get().plusYears(5)), "validUntil", "range", "must be within 5 years of validFrom");
    }
    Optional<Money> amount = Optional.empty();
    if (price == null) {
      v.check(false, "price", "required", "is required");
    } else {
      try {
        amount = Optional.of(new Money(price));
      } catch (IllegalArgumentException | ArithmeticException e) {
        v.check(false, "price", "format", "must be an amount in euros from 0 with at most two decimals");
      }
    }
    if (requestTicket != null) {
      v.check(requestTicket >= 1, "requestTicket", "range", "must be a ticket number");
    }
    v.throwIfInvalid();
    return new Valid(minutes, from.orElseThrow(), until.orElseThrow(), amount.orElseThrow(), Optional.ofNullable(requestTicket));
  }
}
