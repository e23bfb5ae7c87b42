package nl.klantportaal.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import nl.klantportaal.core.claims.TenantId;

/**
 * A billing notice that is due (the daily job's work): a bundle crossed a use threshold, a bundle
 * expires within 30 days, or time overflowed the bundles on a day. {@code ref} names the stored
 * notice, so the job can mark it done.
 */
public sealed interface DueNotice {
  String ref();

  TenantId tenant();

  Instant at();

  record UsedThreshold(String ref, TenantId tenant, Instant at, String bundleId, int percent) implements DueNotice {}

  record Expiry(String ref, TenantId tenant, Instant at, String bundleId) implements DueNotice {}

  /** The bundle's last day is over: what is left lapses or rolls over (the agreement decides). */
  record Expired(String ref, TenantId tenant, Instant at, String bundleId) implements DueNotice {}

  /** A subscription that does not renew ends on {@code endDate}: {@code days} (60 or 30) before it, its admins hear. */
  record SubscriptionEnding(String ref, TenantId tenant, Instant at, String subscriptionId, LocalDate endDate, int days)
      implements DueNotice {}

  /** The overflow booked on {@code day}, {@code minutes} in all. */
  record Overflow(String ref, TenantId tenant, Instant at, LocalDate day, int minutes) implements DueNotice {}
}
