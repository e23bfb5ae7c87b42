package nl.klantportaal.ticketing.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * The auto-close of one due entry: a resolved ticket the customer neither accepted nor rejected
 * within the configured days is closed by {@code system}. The close is a versioned write, so
 * overlapping scans close a ticket once. The scheduled scan over DueIndex is {@code FireDueEvents}.
 */
public final class CloseDueTickets {
  public static final String KIND = "AUTO_CLOSE";

  public enum Outcome { CLOSED, NOT_DUE, CONFLICT }

  private final TicketRepository tickets;
  private final Duration after;

  public CloseDueTickets(TicketRepository tickets, Duration after) {
    this.tickets = tickets;
    this.after = after;
  }

  public Outcome execute(DueEntry entry, Instant now) {
    Optional<Ticket> ticket = tickets.find(entry.ticket());
    Optional<Ticket> next = ticket.flatMap(t -> t.autoClose(after, now));
    if (next.isEmpty()) {
      return Outcome.NOT_DUE;
    }
    try {
      tickets.save(new TicketChange(ticket.get(), next.get(), List.of(),
          List.of(TicketAudit.of(new Actor.System(), now, "auto-close", Map.of("after", after.toString()))),
          Optional.empty()));
      return Outcome.CLOSED;
    } catch (DomainException.Conflict e) {
      return Outcome.CONFLICT;
    }
  }
}
