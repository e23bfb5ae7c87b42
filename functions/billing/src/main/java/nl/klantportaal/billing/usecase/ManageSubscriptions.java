package nl.klantportaal.billing.usecase;

import java.time.Clock;
import nl.klantportaal.billing.port.Audit;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * Provider admins create, change and cancel a customer's subscriptions (each step audited); customers
 * and staff list them. A subscription that does not renew gets its 60- and 30-day expiry notices.
 */
public final class ManageSubscriptions {
  private final SubscriptionRepository subscriptions;
  private final Clock clock;

  public ManageSubscriptions(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  public List<SubscriptionView> list(TenantId tenant, Language language) {
    var today = BillingDates.today(clock);
    return subscriptions.list(tenant).stream()
        .sorted(Comparator.comparing((Subscription s) -> s.cancelled()).thenComparing(s -> s.currentEnd(today)).thenComparing(Subscription::id))
        .map(s -> SubscriptionView.of(s, today, language)).toList();
  }

  public SubscriptionView create(Caller caller, TenantId customer, SubscriptionInput input, Language language) {
    SubscriptionInput.Valid v = input.validate();
    Instant now = clock.instant();
    String id = BillingDates.today(clock).toString().replace("-", "") + "-" + RandomIds.suffix();
    Subscription created = new Subscription(id, customer, v.service(), v.quantity(), v.unitPrice(), v.period(), v.start(), v.end(),
        v.autoRenew(), false, now, 1);
    subscriptions.create(created, Audit.by(caller, now, "subscription-created", describe(created)));
    return SubscriptionView.of(created, BillingDates.today(clock), language);
  }

  public SubscriptionView change(Caller caller, TenantId customer, String id, SubscriptionInput input, Language language) {
    Subscription current = find(customer, id);
    if (input.version() == null || input.version() != current.version()) {
      if (input.version() == null) {
        throw new DomainException.InvalidInput(List.of(new FieldError("version", "required", "is required: the version you read")));
      }
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The subscription was changed by someone else; reload it and try again");
    }
    if (current.cancelled()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "A cancelled subscription cannot be changed");
    }
    SubscriptionInput.Valid v = input.validate();
    Subscription next = new Subscription(id, customer, v.service(), v.quantity(), v.unitPrice(), v.period(), v.start(), v.end(),
        v.autoRenew(), false, current.createdAt(), current.version());
    Instant now = clock.instant();
    subscriptions.update(next, Audit.by(caller, now, "subscription-changed", describe(next)));
    return SubscriptionView.of(withVersion(next, current.version() + 1), BillingDates.today(clock), language);
  }

  public SubscriptionView cancel(Caller caller, TenantId customer, String id, Language language) {
    Subscription current = find(customer, id);
    Subscription next = current.cancel();
    subscriptions.update(next, Audit.by(caller, clock.instant(), "subscription-cancelled", describe(current)));
    return SubscriptionView.of(withVersion(next, current.version() + 1), BillingDates.today(clock), language);
  }

  private Subscription find(TenantId customer, String id) {
    if (id == null || !id.matches("[0-9]{8}-[a-z0-9]{6}")) {
      throw new DomainException.NotFound("Subscription");
    }
    return subscriptions.find(customer, id).orElseThrow(() -> new DomainException.NotFound("Subscription"));
  }

  private static Subscription withVersion(Subscription s, long version) {
    return new Subscription(s.id(), s.tenant(), s.service(), s.quantity(), s.unitPrice(), s.period(), s.startDate(), s.endDate(),
        s.autoRenew(), s.cancelled(), s.createdAt(), version);
  }

  private static String describe(Subscription s) {
    return s.quantity() + " × " + s.service() + " at EUR " + s.unitPrice() + " " + s.period().wireName() + ", " + s.startDate() + ".."
        + s.endDate() + (s.autoRenew() ? ", renews" : "");
  }

}
