package nl.klantportaal.billing.port;

import java.time.Instant;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

/** A customer's billing agreement; the defaults until a provider admin saves one. */
public interface BillingSettingsRepository {
  BillingSettings load(TenantId tenant);

  /** Saves on the version read (0: none stored yet); 409 when someone else saved first. Returns the new version. */
  long save(TenantId tenant, BillingSettings settings, UserId by, Instant at);
}
