package nl.klantportaal.billing.port;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.core.claims.TenantId;

/**
 * A customer's subscriptions (pattern 40), each change audited in its transaction; a subscription that
 * does not renew gets its 60- and 30-day expiry notices (keyed by its end date) in the same write.
 */
public interface SubscriptionRepository {
  void create(Subscription subscription, Audit audit);

  /** Replaces the stored subscription on the version read (409 otherwise); the argument carries that version. */
  void update(Subscription next, Audit audit);

  Optional<Subscription> find(TenantId tenant, String id);

  List<Subscription> list(TenantId tenant);
}
