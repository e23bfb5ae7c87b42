package nl.klantportaal.billing.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.core.claims.TenantId;

/** The customer's time ledger (patterns 35, 37–39). */
public interface TimeLedger {

  /**
   * Writes the change {@code planner} makes from the customer's current bundles in one transaction:
   * its lines, the bundles' balances (never below zero, only on active bundles), the corrected marks.
   * When a concurrent booking moved a balance first, it reads the bundles again and asks the planner
   * again, so no minute is spent twice or lost. Returns the change written.
   */
  LedgerChange apply(TenantId tenant, Function<List<HourBundle>, LedgerChange> planner);

  /** The lines of one registration (or correction), in line order; empty when there is none. */
  List<TimeEntry> registration(TenantId tenant, String registrationId);

  /** Every line dated {@code from} through {@code to} (at most 13 months), oldest first, filtered. */
  List<TimeEntry> entries(TenantId tenant, Period period, Optional<RegistrationType> type, Optional<Long> ticket);

  /** The lines booked on one bundle (its invoice-status partition), oldest first. */
  List<TimeEntry> bundleEntries(TenantId tenant, String bundleId);

  record Period(LocalDate from, LocalDate to) {
    public Period {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("A period ends on or after its start");
      }
    }
  }
}
