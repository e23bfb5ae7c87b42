package nl.klantportaal.billing.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.core.claims.TenantId;

/** A customer's hour bundles (pattern 34); every change is conditional on the version read and audited in its transaction. */
public interface BundleRepository {

  /** Stores a new bundle with its audit entry; refuses an id that exists. */
  void create(HourBundle bundle, Audit audit);

  /**
   * Stores a bundle ordered by an approved service request, once per request (a claim on the request's
   * number in the same transaction); false when that request already has its bundle.
   */
  boolean createForRequest(HourBundle bundle, Audit audit);

  /** A state change (activate, cancel) on the version read, with its audit entry; 409 when someone else changed it. */
  void changeState(HourBundle changed, Audit audit);

  /**
   * The bundle's last day is over: its {@code remainingMinutes} (exactly as read) go to 0, {@code rolled}
   * of them into {@code next} (its remaining and rolled-in minutes grow), the rest lapse; both bundles'
   * ledgers record it, in one transaction. False when the balance moved meanwhile (a late booking): read
   * again and retry.
   */
  boolean expire(HourBundle expired, Optional<HourBundle> next, int rolled, Instant at);

  Optional<HourBundle> find(TenantId tenant, String bundleId);

  /** Every bundle of the customer (a few dozen at most over the years), consistently read. */
  List<HourBundle> list(TenantId tenant);
}
