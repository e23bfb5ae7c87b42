package nl.klantportaal.core.notification.domain;

import nl.klantportaal.core.ticket.domain.AuthorSide;
import nl.klantportaal.core.ticket.domain.TicketStatus;
import nl.klantportaal.core.identity.domain.TenantId;

/**
 * A customer-visible change of a ticket, decoded from one stream record. {@code eventId} is the
 * stream record's id: redelivery of the same record yields the same change and so the same outbox ids.
 */
public sealed interface TicketChange {

  String eventId();

  TenantId tenant();

  long number();

  /** The sub of whoever caused the change ({@code system} for the auto-close job); never mailed about it. */
  String actor();

  /** INSERT of {@code PUB#TICKET}. */
  record Created(String eventId, TicketSnapshot ticket) implements TicketChange {
    @Override public TenantId tenant() { return ticket.tenant(); }
    @Override public long number() { return ticket.number(); }
    @Override public String actor() { return ticket.lastChangeBy(); }
  }

  /** INSERT of {@code PUB#MSG#<at>#<id>}; the ticket itself is read separately. */
  record PublicMessage(String eventId, TenantId tenant, long number, String messageId, String authorId,
      String authorName, AuthorSide side, String body) implements TicketChange {
    @Override public String actor() { return authorId; }
  }

  /** MODIFY of {@code PUB#TICKET} whose {@code status} differs between the old and the new image. */
  record StatusChanged(String eventId, TicketSnapshot ticket, TicketStatus from) implements TicketChange {
    @Override public TenantId tenant() { return ticket.tenant(); }
    @Override public long number() { return ticket.number(); }
    @Override public String actor() { return ticket.lastChangeBy(); }

    public TicketStatus to() {
      return ticket.status();
    }
  }
}
