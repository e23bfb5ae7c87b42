package nl.klantportaal.billing.usecase;

import java.time.Clock;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;

/** Provider staff read a customer's billing agreement; provider admins change it (on the version they read). */
public final class ManageBillingSettings {
  private final BillingSettingsRepository settings;
  private final Clock clock;

  public ManageBillingSettings(BillingSettingsRepository settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public BillingSettings get(TenantId customer) {
    return settings.load(customer);
  }

  public BillingSettings put(Caller caller, TenantId customer, SettingsInput input) {
    BillingSettings valid = input.validate();
    long version = settings.save(customer, valid, caller.userId(), clock.instant());
    return new BillingSettings(valid.rounding(), valid.usersSeeHours(), valid.rates(), valid.expiry(), version);
  }
}
