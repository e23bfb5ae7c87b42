package nl.klantportaal.billing.usecase;

import java.time.LocalDate;
import java.time.YearMonth;
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
 * <p>By the dates of the work: every ledger line dated in the month counts, whenever it was booked, so
 * time registered late (a Friday's work booked on the next month's first day) and a correction of the
 * month's time (its reversal keeps the date of the line it reverses) show in the report made after them,
 * and a provider admin regenerates a report to take them in. A bundle valid in the month is shown with
 * its capacity less the lines on it dated up to the month's last day; the forecast is the one the hours
 * page shows for that day.
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

  public Hours hours(TenantId tenant, YearMonth month) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    Map<RegistrationType, Integer> byType = new EnumMap<>(RegistrationType.class);
    for (RegistrationType type : RegistrationType.values()) {
      byType.put(type, 0);
    }
    int overflow = 0;
    for (TimeEntry line : ledger.entries(tenant, new TimeLedger.Period(first, last), Optional.empty(), Optional.empty())) {
      byType.merge(line.type(), line.minutes(), Integer::sum);
      if (line.overflow()) {
        overflow += line.minutes();
      }
    }
    List<HourBundle> asOfEnd = new ArrayList<>();
    List<BundleAtEnd> shown = new ArrayList<>();
    for (HourBundle bundle : bundles.list(tenant)) {
      if (bundle.state() != HourBundle.State.ACTIVE || bundle.validFrom().isAfter(last)) {
        continue;
      }
      int used = ledger.bundleEntries(tenant, bundle.id()).stream().filter(l -> !l.date().isAfter(last))
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
        Optional.empty(), Optional.empty());
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
