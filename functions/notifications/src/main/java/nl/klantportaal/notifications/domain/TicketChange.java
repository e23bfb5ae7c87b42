package nl.klantportaal.notifications.domain;

import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketStatus;

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

  /**
   * INSERT of {@code PUB#MSG#<at>#<id>}; the ticket itself is read separately. {@code move}: the status
   * change written in the same transaction (a solution, a question to the customer, a rejection's
   * reason) — then this message's mail is also the status mail, and the status change sends none.
   */
  record PublicMessage(String eventId, TenantId tenant, long number, String messageId, String authorId,
      String authorName, AuthorSide side, String body, java.util.Optional<StatusMove> move) implements TicketChange {
    public PublicMessage {
      java.util.Objects.requireNonNull(move, "move");
    }

    /** A message that came without a status change. */
    public PublicMessage(String eventId, TenantId tenant, long number, String messageId, String authorId,
        String authorName, AuthorSide side, String body) {
      this(eventId, tenant, number, messageId, authorId, authorName, side, body, java.util.Optional.empty());
    }

    @Override public String actor() { return authorId; }
  }

  /**
   * MODIFY of {@code PUB#TICKET} whose {@code approval} went from pending to approved: the service
   * request may be worked now (its reporter hears it, and so does the provider side).
   */
  record Approved(String eventId, TicketSnapshot ticket) implements TicketChange {
    @Override public TenantId tenant() { return ticket.tenant(); }
    @Override public long number() { return ticket.number(); }
    @Override public String actor() { return ticket.lastChangeBy(); }
  }

  /** The status a ticket left and the one it entered. */
  record StatusMove(TicketStatus from, TicketStatus to) {}

  /**
   * MODIFY of {@code PUB#TICKET} whose {@code status} differs between the old and the new image.
   * {@code withMessage}: the change also wrote a public message, whose mail announces this change.
   */
  record StatusChanged(String eventId, TicketSnapshot ticket, TicketStatus from, boolean withMessage)
      implements TicketChange {
    /** A status change without a message. */
    public StatusChanged(String eventId, TicketSnapshot ticket, TicketStatus from) {
      this(eventId, ticket, from, false);
    }

    @Override public TenantId tenant() { return ticket.tenant(); }
    @Override public long number() { return ticket.number(); }
    @Override public String actor() { return ticket.lastChangeBy(); }

    public TicketStatus to() {
      return ticket.status();
    }
  }
}
