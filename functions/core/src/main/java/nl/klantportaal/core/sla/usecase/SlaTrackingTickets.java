package nl.klantportaal.core.sla.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.customer.domain.Customer;
import nl.klantportaal.core.customer.domain.SlaTier;
import nl.klantportaal.core.customer.port.CustomerRepository;
import nl.klantportaal.core.identity.domain.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.sla.domain.SlaChange;
import nl.klantportaal.core.sla.domain.SlaClock;
import nl.klantportaal.core.sla.domain.SlaEvent;
import nl.klantportaal.core.sla.domain.SlaEvents;
import nl.klantportaal.core.sla.domain.SlaRecord;
import nl.klantportaal.core.sla.domain.SlaSettings;
import nl.klantportaal.core.sla.port.SlaRecords;
import nl.klantportaal.core.sla.port.SlaSettingsRepository;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.ticket.domain.Ticket;
import nl.klantportaal.core.ticket.domain.TicketAudit;
import nl.klantportaal.core.ticket.domain.TicketMessage;
import nl.klantportaal.core.ticket.domain.TicketNumber;
import nl.klantportaal.core.ticket.domain.TicketRef;
import nl.klantportaal.core.ticket.domain.TicketStatus;
import nl.klantportaal.core.ticket.port.TicketRepository;

/**
 * Every ticket change, whichever use case makes it, carries the ticket's SLA record forward in the
 * same transaction: the SLA events the change means ({@link SlaEvents}) are appended to the stored
 * timeline, the clock is evaluated at the change, and the events still to fire become the due-index
 * entries. A new ticket starts its timeline with its customer's tier terms from the table in force at
 * creation; the clock runs on the provider's calendar in force at each change. A ticket created
 * before SLA tracking starts one at its next change, from its creation with the priority it had then.
 */
public final class SlaTrackingTickets implements TicketRepository {
  private static final int ATTEMPTS = 3;
  private final TicketRepository delegate;
  private final SlaRecords records;
  private final CustomerRepository customers;
  private final SlaSettingsRepository settings;

  public SlaTrackingTickets(TicketRepository delegate, SlaRecords records, CustomerRepository customers,
      SlaSettingsRepository settings) {
    this.delegate = delegate;
    this.records = records;
    this.customers = customers;
    this.settings = settings;
  }

  @Override
  public void create(Ticket ticket, List<TicketMessage> messages, TicketAudit audit, Optional<SlaChange> sla) {
    if (sla.isPresent()) {
      delegate.create(ticket, messages, audit, sla);
      return;
    }
    SlaSettings current = settings.load();
    SlaRecord start = SlaRecord.start(SlaEvents.opening(ticket, current.table().terms(tierOf(ticket.ref().tenant()))),
        current.clock(), ticket.createdAt());
    delegate.create(ticket, messages, audit, Optional.of(new SlaChange(Optional.empty(), start)));
  }

  /**
   * Saves the change with the ticket's SLA record carried forward. When only the SLA record moved
   * between its read and the write — the scan fired one of the ticket's events — the ticket itself is
   * still at the version the change started from, so the record is read again and the write retried:
   * the person making the change never sees a conflict the background job caused. A change that
   * carries its own SLA change (the scan's) is written as it is.
   */
  @Override
  public void save(TicketChange change) {
    if (change.sla().isPresent()) {
      delegate.save(change);
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        saveTracked(change);
        return;
      } catch (DomainException.Conflict e) {
        boolean onlyTheSlaMoved = e.kind() == DomainException.Conflict.Kind.VERSION && attempt < ATTEMPTS
            && delegate.find(change.previous().ref()).filter(t -> t.version() == change.previous().version()).isPresent();
        if (!onlyTheSlaMoved) {
          throw e;
        }
      }
    }
  }

  private void saveTracked(TicketChange change) {
    Ticket previous = change.previous();
    Ticket next = change.next();
    Optional<SlaRecord> before = records.find(next.ref());
    List<SlaEvent> events = withoutLaterReplies(before, SlaEvents.of(previous, next, change.messages()));
    boolean open = next.status() != TicketStatus.CLOSED;
    if (before.isPresent() && events.isEmpty() && (open || before.get().pending().isEmpty())) {
      delegate.save(change);
      return;
    }
    SlaSettings current = settings.load();
    SlaClock clock = current.clock();
    SlaRecord base = before.orElseGet(() -> SlaRecord.start(
        SlaEvents.created(previous, current.table().terms(tierOf(next.ref().tenant()))), clock, previous.updatedAt()));
    Instant now = next.updatedAt();
    delegate.save(change.withSla(new SlaChange(before, base.next(events, clock, now, open))));
  }

  /**
   * Only the first public agent reply means anything to the clock (it meets the response target), so
   * later ones are not stored: the record stays small however long the conversation grows.
   */
  private static List<SlaEvent> withoutLaterReplies(Optional<SlaRecord> before, List<SlaEvent> events) {
    boolean replied = before.map(r -> r.timeline().stream().anyMatch(e -> e instanceof SlaEvent.PublicAgentReply))
        .orElse(false);
    return replied ? events.stream().filter(e -> !(e instanceof SlaEvent.PublicAgentReply)).toList() : events;
  }

  private SlaTier tierOf(TenantId tenant) {
    return customers.find(tenant).map(Customer::slaTier)
        .orElseThrow(() -> new DomainException.NotFound("Customer " + tenant.value()));
  }

  @Override
  public TicketNumber nextNumber(TenantId tenant) {
    return delegate.nextNumber(tenant);
  }

  @Override
  public Optional<Ticket> find(TicketRef ref) {
    return delegate.find(ref);
  }

  @Override
  public Optional<TicketThread> thread(TicketRef ref, boolean withStaffItems) {
    return delegate.thread(ref, withStaffItems);
  }

  @Override
  public Page<Ticket> list(TicketQuery query, PageRequest page) {
    return delegate.list(query, page);
  }

  @Override
  public DuePage due(int shard, Instant now, int limit, Optional<String> after) {
    return delegate.due(shard, now, limit, after);
  }

  @Override
  public int dueShards() {
    return delegate.dueShards();
  }
}
