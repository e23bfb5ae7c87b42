package nl.klantportaal.ticketing.port;

import java.util.Optional;
import nl.klantportaal.ticketing.domain.Ticket;

/**
 * Another context that keeps something of its own in step with every ticket write, in the write's
 * own transaction (the SLA context keeps each ticket's SLA record this way). Tickets publish their
 * creates and changes through this port and know nothing of what the companion keeps; the wiring of
 * the ticket functions names the companion ({@code CompanionTickets}).
 */
public interface TicketCompanion {

  /** What to write with a new ticket; empty: nothing. */
  Optional<CompanionWrite> created(Ticket ticket);

  /** What to write with {@code change}, read just before it is written; empty: nothing. */
  Optional<CompanionWrite> changed(TicketRepository.TicketChange change);
}
