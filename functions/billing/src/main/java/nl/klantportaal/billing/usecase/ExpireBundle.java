package nl.klantportaal.billing.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.core.claims.TenantId;

/**
 * A bundle's last day is over with hours left: the customer's agreement decides whether they lapse or
 * roll over into the next bundle (the active or ordered bundle ending after this one that starts
 * first), up to the agreement's cap; the rest lapses. With no next bundle everything lapses. Both
 * bundles show it (rolled in; lapsed and rolled on) and their ledgers record it.
 */
public final class ExpireBundle {
  static final int MAX_ATTEMPTS = 10;
  private final BundleRepository bundles;
  private final BillingSettingsRepository settings;

  public ExpireBundle(BundleRepository bundles, BillingSettingsRepository settings) {
    this.bundles = bundles;
    this.settings = settings;
  }

  /** What expiry did: minutes rolled on (and into which bundle), minutes lapsed; empty when nothing was left. */
  public record Result(int rolled, Optional<String> into, int lapsed) {}

  public Optional<Result> execute(TenantId tenant, String bundleId, Instant at) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      List<HourBundle> all = bundles.list(tenant);
      Optional<HourBundle> found = all.stream().filter(b -> b.id().equals(bundleId)).findFirst();
      LocalDate day = LocalDate.ofInstant(at, BillingDates.ZONE);
      if (found.isEmpty() || found.get().state() != HourBundle.State.ACTIVE || found.get().remainingMinutes() == 0
          || !day.isAfter(found.get().validUntil())) {
        return Optional.empty();
      }
      HourBundle expired = found.get();
      BillingSettings.Expiry rule = settings.load(tenant).expiry();
      Optional<HourBundle> next = rule.rollover() ? all.stream()
          .filter(b -> !b.id().equals(bundleId) && b.state() != HourBundle.State.CANCELLED && b.validUntil().isAfter(expired.validUntil()))
          .min(Comparator.comparing(HourBundle::validFrom).thenComparing(HourBundle::id)) : Optional.empty();
      int rolled = next.isPresent() ? rule.rolled(expired.remainingMinutes()) : 0;
      if (bundles.expire(expired, next, rolled, at)) {
        return Optional.of(new Result(rolled, next.filter(b -> rolled > 0).map(HourBundle::id), expired.remainingMinutes() - rolled));
      }
    }
    throw new IllegalStateException("Bundle " + bundleId + " of " + tenant + " kept changing while it expired; the next run tries again");
  }
}
