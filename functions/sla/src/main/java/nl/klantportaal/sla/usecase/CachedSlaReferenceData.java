package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.cache.Refreshing;
import nl.klantportaal.sla.domain.ProviderCalendar;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.port.CustomerTiers;
import nl.klantportaal.sla.port.SlaSettingsRepository;

/**
 * What every ticket write's SLA companion reads, cached per container for {@link #MAX_AGE} (docs/sla.md,
 * "Reference data per container"): the tier table and calendar, and each customer's tier. An edit of
 * either is in force for ticket writes in every container within that time, at once in the container
 * that saved it; a customer not found is never cached (a customer just created is found at once). The
 * SLA settings pages read the stored settings directly.
 */
public final class CachedSlaReferenceData {
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  private CachedSlaReferenceData() {}

  /** The settings, cached; saves go through and refresh this container's copy. */
  public static SlaSettingsRepository settings(SlaSettingsRepository stored, Clock clock) {
    Refreshing<SlaSettings> current = new Refreshing<>(stored::load, MAX_AGE, clock);
    return new SlaSettingsRepository() {
      @Override
      public SlaSettings load() {
        return current.get();
      }

      @Override
      public long saveTerms(SlaTerms terms, long expectedVersion, Edit edit) {
        long version = stored.saveTerms(terms, expectedVersion, edit);
        current.invalidate();
        return version;
      }

      @Override
      public long saveCalendar(ProviderCalendar calendar, long expectedVersion, Edit edit) {
        long version = stored.saveCalendar(calendar, expectedVersion, edit);
        current.invalidate();
        return version;
      }
    };
  }

  /** Each customer's tier, read at most once per {@link #MAX_AGE}; a customer not found is asked again every time. */
  public static CustomerTiers tiers(CustomerRepository customers, Clock clock) {
    record Read(SlaTier tier, Instant at) {}
    Map<TenantId, Read> read = new ConcurrentHashMap<>();
    return customer -> {
      Instant now = clock.instant();
      Read known = read.get(customer);
      if (known != null && now.isBefore(known.at().plus(MAX_AGE)) && !now.isBefore(known.at())) {
        return Optional.of(known.tier());
      }
      Optional<SlaTier> tier = customers.find(customer).map(Customer::slaTier);
      tier.ifPresentOrElse(t -> read.put(customer, new Read(t, now)), () -> read.remove(customer));
      return tier;
    };
  }
}
