package nl.klantportaal.sla.port;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * The SLA record of each ticket (docs/data-model.md pattern 32). Ticket changes write it through
 * {@code TicketRepository}, in the change's transaction; the breach scan fires its due events here.
 */
public interface SlaRecords {

  /** The ticket's SLA record, read consistently; empty for a ticket created before SLA tracking. */
  Optional<SlaRecord> find(TicketRef ref);

  /** The records of {@code refs} that exist, read consistently as {@link #find} reads one; absent ones are missing. */
  default Map<TicketRef, SlaRecord> findAll(Collection<TicketRef> refs) {
    Map<TicketRef, SlaRecord> found = new HashMap<>();
    refs.forEach(ref -> find(ref).ifPresent(record -> found.put(ref, record)));
    return found;
  }

  /**
   * Fires one due event in one transaction: its due-index entry is deleted only if it is still the
   * entry {@code event} was read from ({@code DueSK = :seen}), {@code firedKeys} are added to the
   * record's fired set and its version moves on, the mails are put into the outbox (each only if
   * absent, due for the mail retry job at {@code mailLeaseUntil}) and, with {@code count}, the
   * customer's month counter is added to. False when the entry was fired, moved or removed
   * meanwhile: then nothing was written.
   */
  boolean fire(TicketRef ref, PendingSlaEvent event, List<String> firedKeys, List<OutboxEntry> mails,
      java.time.Instant mailLeaseUntil, Optional<ComplianceCount> count);

  /**
   * Writes a record change that is no ticket change — the scan found that a calendar edit moved the
   * ticket's timers — with its due-index moves, conditional on {@code change.before()}'s version.
   * False when the record changed meanwhile: then nothing was written.
   */
  boolean reschedule(TicketRef ref, nl.klantportaal.sla.domain.SlaChange change);

  /** A customer's compliance counters of one month (pattern 33); zeros when nothing was counted. */
  ComplianceMonth month(nl.klantportaal.core.claims.TenantId tenant, java.time.YearMonth month);

  /**
   * One target's outcome counted into its customer's month; the fire also records it per ticket
   * ({@link SlaOutcomes}) with the ticket's number, its priority then and the target's due time.
   */
  record ComplianceCount(nl.klantportaal.core.claims.TenantId tenant, java.time.YearMonth month,
      nl.klantportaal.sla.domain.TargetKind target, boolean met, long ticketNumber,
      nl.klantportaal.ticketing.domain.Priority priority, java.time.Instant dueAt) {
    /** The counter attribute: {@code responseMet}, {@code resolutionBreached}, ... */
    public String attribute() {
      return target.wireName() + (met ? "Met" : "Breached");
    }
  }

  /** Counters of one month. */
  record ComplianceMonth(java.time.YearMonth month, long responseMet, long responseBreached, long resolutionMet,
      long resolutionBreached) {}
}
