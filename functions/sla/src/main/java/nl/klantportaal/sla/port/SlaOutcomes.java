package nl.klantportaal.sla.port;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The SLA context's published read port for other contexts (the monthly reports): the outcome of
 * every response and resolution target a customer's month counted (pattern 33a), one per ticket and
 * target, as the breach scan decided it. Counted in the month of the target's due time, like the
 * month counters of pattern 33.
 */
public interface SlaOutcomes {

  List<Outcome> ofMonth(TenantId tenant, YearMonth month);

  /** One target's outcome: met or breached, with the ticket's priority when it was decided. */
  record Outcome(long ticketNumber, TargetKind target, Priority priority, boolean met, Instant dueAt) {}
}
