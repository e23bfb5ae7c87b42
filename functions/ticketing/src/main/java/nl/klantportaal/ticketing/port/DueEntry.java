package nl.klantportaal.ticketing.port;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * A timed event of a ticket that has come due: its kind (AUTO_CLOSE, WARNING_80, DEADLINE,
 * CUSTOMER_REMINDER, PRIORITY_DROP), the ticket, when (whole seconds, as on the index), and for
 * events a companion context scheduled (the SLA's) the name of what it belongs to (its target), as
 * that context wrote it: tickets do not interpret it.
 */
public record DueEntry(String kind, TicketRef ticket, Instant dueAt, Optional<String> target) {

  public DueEntry(String kind, TicketRef ticket, Instant dueAt) {
    this(kind, ticket, dueAt, Optional.empty());
  }
}
