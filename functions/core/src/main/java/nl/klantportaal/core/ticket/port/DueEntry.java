package nl.klantportaal.core.ticket.port;

import java.time.Instant;
import nl.klantportaal.core.ticket.domain.TicketRef;

/** A timed event of a ticket that has come due: its kind (AUTO_CLOSE, later the SLA's), the ticket and when. */
public record DueEntry(String kind, TicketRef ticket, Instant dueAt) {}
