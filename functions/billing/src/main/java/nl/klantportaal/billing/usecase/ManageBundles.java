package nl.klantportaal.billing.usecase;

import java.time.Clock;
import nl.klantportaal.billing.port.Audit;
import java.time.Instant;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.TicketLookup;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * Provider admins create, activate and cancel a customer's hour bundles; each step is audited in
 * its own transaction. A bundle created for an "extra uren" service request is linked to it and
 * starts pending: the customer sees it as ordered until it is activated.
 */
public final class ManageBundles {
  /** A bundle id: the day it was created and six random characters ({@code 20261123-k3j9pq}). */
  public static final String BUNDLE_ID = "[0-9]{8}-[a-z0-9]{6}";

  private final BundleRepository bundles;
  private final TicketLookup tickets;
  private final Clock clock;

  public ManageBundles(BundleRepository bundles, TicketLookup tickets, Clock clock) {
    this.bundles = bundles;
    this.tickets = tickets;
    this.clock = clock;
  }

  public HourBundle create(Caller caller, TenantId customer, BundleInput input) {
    BundleInput.Valid valid = input.validate();
    valid.requestTicket().ifPresent(number -> {
      if (!tickets.exists(customer, number)) {
        throw new DomainException.InvalidInput(java.util.List.of(
            new FieldError("requestTicket", "not-found", "is not a ticket of this customer")));
      }
    });
    Instant now = clock.instant();
    String id = BillingDates.today(clock).toString().replace("-", "") + "-" + RandomIds.suffix();
    HourBundle bundle = new HourBundle(id, customer, valid.minutes(), valid.minutes(), valid.validFrom(), valid.validUntil(),
        valid.price(), HourBundle.State.PENDING, valid.requestTicket(), now, 1, HourBundle.Carry.NONE);
    bundles.create(bundle, Audit.by(caller, now, "bundle-created",
        valid.minutes() + " min, " + valid.validFrom() + ".." + valid.validUntil() + ", EUR " + valid.price()
            + valid.requestTicket().map(n -> ", request #" + n).orElse("")));
    return bundle;
  }

  public HourBundle activate(Caller caller, TenantId customer, String bundleId) {
    HourBundle changed = find(customer, bundleId).activate();
    bundles.changeState(changed, Audit.by(caller, clock.instant(), "bundle-activated", ""));
    return changed;
  }

  public HourBundle cancel(Caller caller, TenantId customer, String bundleId) {
    HourBundle changed = find(customer, bundleId).cancel();
    bundles.changeState(changed, Audit.by(caller, clock.instant(), "bundle-cancelled", ""));
    return changed;
  }

  public HourBundle find(TenantId customer, String bundleId) {
    if (bundleId == null || !bundleId.matches(BUNDLE_ID)) {
      throw new DomainException.NotFound("Hour bundle");
    }
    return bundles.find(customer, bundleId).orElseThrow(() -> new DomainException.NotFound("Hour bundle"));
  }

}
