package nl.klantportaal.billing.usecase;

import java.math.BigDecimal;
import nl.klantportaal.billing.port.Audit;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * An approved "Extra uren aanvragen" service request becomes a pending bundle linked to the request
 * (the customer sees it as ordered; a provider admin activates it once paid). Hours from the form
 * (to the minute), validity from the desired start date (not before the approval day) for 12 months,
 * price at the agreement's hourly rate for bundle time (0.00 when the agreement has none). Once per
 * request, however often the ticket's approval is seen.
 */
public final class OrderRequestedHours {
  public static final String REQUEST_TYPE = "extra-hours";
  private final BundleRepository bundles;
  private final BillingSettingsRepository settings;
  private final Clock clock;

  public OrderRequestedHours(BundleRepository bundles, BillingSettingsRepository settings, Clock clock) {
    this.bundles = bundles;
    this.settings = settings;
    this.clock = clock;
  }

  /** What the ticket's item says: its customer and number, the form's {@code hours} and {@code startDate} answers. */
  public record ApprovedRequest(TenantId tenant, long ticketNumber, String hours, Optional<String> startDate) {}

  public sealed interface Outcome {
    record Ordered(HourBundle bundle) implements Outcome {}

    record AlreadyOrdered() implements Outcome {}

    /** The form's hours cannot make a bundle (not a number, 0, more than 10,000): a provider admin orders it by hand. */
    record Unusable(String reason) implements Outcome {}
  }

  public Outcome execute(ApprovedRequest request) {
    BigDecimal hours;
    try {
      hours = new BigDecimal(request.hours().strip());
    } catch (NumberFormatException | NullPointerException e) {
      return new Outcome.Unusable("hours \"" + request.hours() + "\" is not a number");
    }
    long minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    if (minutes < 1 || minutes > HourBundle.MAX_MINUTES) {
      return new Outcome.Unusable("hours " + hours.toPlainString() + " is outside 1 minute to 10,000 hours");
    }
    Instant now = clock.instant();
    LocalDate today = BillingDates.today(clock);
    LocalDate from = request.startDate().flatMap(OrderRequestedHours::date).filter(d -> !d.isBefore(today)).orElse(today);
    Money price = settings.load(request.tenant()).rateOn(RegistrationType.BUNDLE, from)
        .map(rate -> rate.forMinutes(minutes)).orElse(Money.ZERO);
    String id = today.toString().replace("-", "") + "-" + RandomIds.suffix();
    HourBundle bundle = new HourBundle(id, request.tenant(), (int) minutes, (int) minutes, from, from.plusYears(1).minusDays(1),
        price, HourBundle.State.PENDING, Optional.of(request.ticketNumber()), now, 1, HourBundle.Carry.NONE);
    boolean created = bundles.createForRequest(bundle, new Audit("system", "system", now, "bundle-ordered",
        minutes + " min from approved request #" + request.ticketNumber() + ", EUR " + price));
    return created ? new Outcome.Ordered(bundle) : new Outcome.AlreadyOrdered();
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
