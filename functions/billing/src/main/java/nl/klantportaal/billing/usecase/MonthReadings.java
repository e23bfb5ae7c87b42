package nl.klantportaal.billing.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.BundleStatus;
import nl.klantportaal.billing.domain.Forecast;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.claims.TenantId;

/**
 * The billing context's published read side for other contexts (the monthly reports): a customer's
 * hours of one month and its subscriptions, as of the month's end.
 *
 * <p>As of the month's end: only ledger lines booked before the first moment of the next month (on
 * {@code zone}'s clock) count, so a correction or late registration booked afterwards does not change
 * a regenerated report. A bundle's remaining minutes are its capacity less the lines booked on it by
 * then; the forecast is the one the hours page would have shown that day.
 */
public final class MonthReadings {
  private final BundleRepository bundles;
  private final TimeLedger ledger;
  private final SubscriptionRepository subscriptions;

  public MonthReadings(BundleRepository bundles, TimeLedger ledger, SubscriptionRepository subscriptions) {
    this.bundles = bundles;
    this.ledger = ledger;
    this.subscriptions = subscriptions;
  }

  /** A month's hours: minutes per registration type, the bundles of the month at its end, and the forecast. */
  public record Hours(Map<RegistrationType, Integer> minutesByType, int overflowMinutes, List<BundleAtEnd> bundles,
                      Forecast forecast) {}

  /** One bundle at the month's end. */
  public record BundleAtEnd(String id, int capacityMinutes, int usedMinutes, int remainingMinutes, LocalDate validFrom,
                            LocalDate validUntil, BundleStatus status) {}

  public Hours hours(TenantId tenant, YearMonth month, ZoneId zone) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    Instant cutoff = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    Map<RegistrationType, Integer> byType = new EnumMap<>(RegistrationType.class);
    for (RegistrationType type : RegistrationType.values()) {
      byType.put(type, 0);
    }
    int overflow = 0;
    for (TimeEntry line : ledger.entries(tenant, new TimeLedger.Period(first, last), Optional.empty(), Optional.empty())) {
      if (line.createdAt().isBefore(cutoff)) {
        byType.merge(line.type(), line.minutes(), Integer::sum);
        if (line.overflow()) {
          overflow += line.minutes();
        }
      }
    }
    List<HourBundle> asOfEnd = new ArrayList<>();
    List<BundleAtEnd> shown = new ArrayList<>();
    for (HourBundle bundle : bundles.list(tenant)) {
      if (bundle.state() != HourBundle.State.ACTIVE || bundle.createdAt().isAfter(cutoff)
          || bundle.validFrom().isAfter(last)) {
        continue;
      }
      int used = ledger.bundleEntries(tenant, bundle.id()).stream().filter(l -> l.createdAt().isBefore(cutoff))
          .mapToInt(TimeEntry::minutes).sum();
      HourBundle then = bundle.withRemaining(Math.max(0, Math.min(bundle.capacity(), bundle.capacity() - used)));
      asOfEnd.add(then);
      if (!bundle.validUntil().isBefore(first)) {
        shown.add(new BundleAtEnd(bundle.id(), bundle.capacity(), used, then.remainingMinutes(), bundle.validFrom(),
            bundle.validUntil(), then.status(last)));
      }
    }
    shown.sort(Comparator.comparing(BundleAtEnd::validUntil).thenComparing(BundleAtEnd::id));
    List<TimeEntry> window = ledger.entries(tenant, new TimeLedger.Period(last.minusDays(Forecast.WINDOW_DAYS), last),
        Optional.empty(), Optional.empty()).stream().filter(l -> l.createdAt().isBefore(cutoff)).toList();
    Forecast forecast = Forecast.of(asOfEnd, ViewHours.dailyUse(window), last);
    return new Hours(Map.copyOf(byType), overflow, List.copyOf(shown), forecast);
  }

  /** The customer's subscriptions that end after {@code from} and within {@code days} of it (not cancelled), by end date. */
  public List<Subscription> subscriptionsEnding(TenantId tenant, LocalDate from, int days) {
    LocalDate until = from.plusDays(days);
    return subscriptions.list(tenant).stream()
        .filter(s -> !s.cancelled() && s.endDate().isAfter(from) && !s.endDate().isAfter(until))
        .sorted(Comparator.comparing(Subscription::endDate).thenComparing(Subscription::service))
        .toList();
  }
}
