package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.core.shared.domain.Validation;

/** A subscription as provider admins create or change it ({@code version}: the one read, when changing). */
public record SubscriptionInput(String service, Integer quantity, BigDecimal unitPrice, String period, String startDate,
                                String endDate, Boolean autoRenew, Long version) {

  record Valid(String service, int quantity, Money unitPrice, Subscription.Period period, LocalDate start, LocalDate end,
               boolean autoRenew) {}

  Valid validate() {
    Validation v = new Validation();
    Optional<String> what = v.requiredText("service", service, 200);
    v.check(quantity != null, "quantity", "required", "is required");
    if (quantity != null) {
      v.check(quantity >= 1 && quantity <= 100_000, "quantity", "range", "must be 1 to 100,000");
    }
    Optional<Money> price = Optional.empty();
    if (unitPrice == null) {
      v.check(false, "unitPrice", "required", "is required");
    } else {
      try {
        price = Optional.of(new Money(unitPrice));
      } catch (IllegalArgumentException | ArithmeticException e) {
        v.check(false, "unitPrice", "format", "must be an amount in euros from 0 with at most two decimals");
      }
    }
    if (price.isPresent() && quantity != null && quantity >= 1) {
      v.check(Subscription.priceFits(quantity, price.get()), "unitPrice", "too-large",
          "times the quantity must be below 10,000,000 euros");
    }
    Optional<Subscription.Period> every = v.requiredEnum("period", period, Subscription.Period.values(), Subscription.Period::wireName);
    Optional<LocalDate> from = BillingDates.date(v, "startDate", startDate, true);
    Optional<LocalDate> until = BillingDates.date(v, "endDate", endDate, true);
    if (from.isPresent() && until.isPresent()) {
      v.check(!until.get().isBefore(from.get()), "endDate", "before-start", "must be on or after startDate");
    }
    v.throwIfInvalid();
    return new Valid(what.orElseThrow(), quantity, price.orElseThrow(), every.orElseThrow(), from.orElseThrow(), until.orElseThrow(),
        Boolean.TRUE.equals(autoRenew));
  }
}
