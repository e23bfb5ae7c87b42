package nl.klantportaal.core.ticket.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.ticket.domain.Actor;
import nl.klantportaal.core.ticket.domain.Ticket;
import nl.klantportaal.core.ticket.domain.TicketAudit;
import nl.klantportaal.core.ticket.port.DueEntry;
import nl.klantportaal.core.ticket.port.TicketRepository;
import nl.klantportaal.core.ticket.port.TicketRepository.TicketChange;

/**
 * The scheduled auto-close: resolved tickets the customer neither accepted nor rejected within the
 * configured days are closed. Reads only due entries of DueIndex (no Scan); each close is a
 * versioned write, so overlapping runs close a ticket once.
 */
public final class CloseDueTickets {
  public static final String KIND = "AUTO_CLOSE";
  private static final int PAGE = 100;

  private final TicketRepository tickets;
  private final Clock clock;
  private final Duration after;

  public CloseDueTickets(TicketRepository tickets, Clock clock, Duration after) {
    this.tickets = tickets;
    this.clock = clock;
    this.after = after;
  }

  public record Outcome(int closed, int skipped, int conflicts) {}

  public Outcome execute() {
    Instant now = clock.instant();
    int closed = 0;
    int skipped = 0;
    int conflicts = 0;
    for (int shard = 0; shard < TicketRepository.DUE_SHARDS; shard++) {
      List<DueEntry> due;
      int round = 0;
      do {
        due = tickets.due(shard, now, PAGE).stream().filter(e -> e.kind().equals(KIND)).toList();
        int closedThisRound = 0;
        for (DueEntry entry : due) {
          Optional<Ticket> ticket = tickets.find(entry.ticket());
          Optional<Ticket> next = ticket.flatMap(t -> t.autoClose(after, now));
          if (next.isEmpty()) {
            skipped++;
            continue;
          }
          try {
            tickets.save(new TicketChange(ticket.get(), next.get(), List.of(),
                List.of(TicketAudit.of(new Actor.System(), now, "auto-close", Map.of("after", after.toString()))),
                Optional.empty()));
            closed++;
            closedThisRound++;
          } catch (DomainException.Conflict e) {
            conflicts++;
          }
        }
        round++;
        if (closedThisRound == 0) {
          break;
        }
      } while (due.size() == PAGE && round < 50);
    }
    return new Outcome(closed, skipped, conflicts);
  }
}
