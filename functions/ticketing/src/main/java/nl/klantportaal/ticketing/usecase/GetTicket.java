package nl.klantportaal.ticketing.usecase;

import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.TicketRepository.TicketThread;

/**
 * A ticket with its conversation in one query of its partition: customers read only the public
 * ({@code PUB#}) items, so internal notes and the audit trail are never even read for them.
 */
public final class GetTicket {
  private final TicketAccess access;

  public GetTicket(TicketAccess access) {
    this.access = access;
  }

  public TicketThread execute(Caller caller, TicketRef ref) {
    boolean staff = caller.role().isProviderStaff();
    if (!staff && caller.tenant().filter(ref.tenant()::equals).isEmpty()) {
      throw TicketAccess.notFound(ref);
    }
    return access.tickets().thread(ref, staff)
        .filter(thread -> thread.ticket().visibleTo(caller))
        .orElseThrow(() -> TicketAccess.notFound(ref));
  }
}
