package nl.klantportaal.ticketing.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.CompanionWrite;
import nl.klantportaal.ticketing.port.TicketCompanion;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * Tickets whose every create and change, whichever use case makes it, carries its companion's write
 * in the same transaction ({@link TicketCompanion}: the SLA record). When only the companion's data
 * moved between its read and the write (the due-events scan fired one of the ticket's SLA events),
 * the ticket itself is still at the version the change started from, so the companion is asked again
 * and the write retried: the person making the change never sees a conflict a background job caused.
 * A create or change that already carries a companion write (the scan's own) is written as it is.
 */
public final class CompanionTickets implements TicketRepository {
  private static final int ATTEMPTS = 3;
  private final TicketRepository delegate;
  private final TicketCompanion companion;

  public CompanionTickets(TicketRepository delegate, TicketCompanion companion) {
    this.delegate = delegate;
    this.companion = companion;
  }

  @Override
  public void create(Ticket ticket, List<TicketMessage> messages, TicketAudit audit, Optional<CompanionWrite> write) {
    delegate.create(ticket, messages, audit, write.isPresent() ? write : companion.created(ticket));
  }

  @Override
  public void save(TicketChange change) {
    if (change.companion().isPresent()) {
      delegate.save(change);
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        delegate.save(companion.changed(change).map(change::withCompanion).orElse(change));
        return;
      } catch (DomainException.Conflict e) {
        boolean onlyTheCompanionMoved = e.kind() == DomainException.Conflict.Kind.VERSION && attempt < ATTEMPTS
            && delegate.find(change.previous().ref()).filter(t -> t.version() == change.previous().version()).isPresent();
        if (!onlyTheCompanionMoved) {
          throw e;
        }
      }
    }
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
  public java.util.Map<TicketRef, Ticket> findAll(java.util.Collection<TicketRef> refs) {
    return delegate.findAll(refs);
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
  public Page<Ticket> searchTitles(TitleSearch search, PageRequest page) {
    return delegate.searchTitles(search, page);
  }

  @Override
  public List<Ticket> withNumber(TicketNumber number) {
    return delegate.withNumber(number);
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
