package nl.klantportaal.core.sla.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import nl.klantportaal.core.ticket.port.DueEntry;
import nl.klantportaal.core.ticket.port.TicketRepository;
import nl.klantportaal.core.ticket.usecase.CloseDueTickets;

/**
 * The scheduled due-events scan (docs/data-model.md pattern 31): reads, shard by shard, only the
 * DueIndex entries due by now ({@code DuePK = DUE#<s>}, {@code DueSK <= now}; no Scan) and hands
 * each to its kind: AUTO_CLOSE to {@link CloseDueTickets}, the SLA kinds to {@link FireSlaEvent}.
 * Every firing is conditional, so overlapping or repeated runs fire each entry once. Before each
 * entry it asks {@code timeLeft}; when the run's time is up it stops, and the next run continues
 * with whatever is still due.
 *
 * <p>A run fires what is due at the instant it is given (the schedule's time when it lies ahead of
 * the clock, for local testing), never more than {@link #MAX_AHEAD} (7 days) after the clock's
 * instant, so a wrong event cannot fire a week of warnings and breaches at once; an instant behind
 * the clock is refused too (the handler never passes one: a late event fires what is due now).
 */
public final class FireDueEvents {
  static final int PAGE = 100;
  /** A page in which nothing could be fired is not read again in this run (stops a loop on stuck entries). */
  private static final int MAX_ROUNDS_PER_SHARD = 50;
  /** How far a run's instant may lie ahead of the clock's (inclusive). */
  public static final Duration MAX_AHEAD = Duration.ofDays(7);

  private final TicketRepository tickets;
  private final CloseDueTickets autoClose;
  private final FireSlaEvent sla;
  private final Clock clock;

  public FireDueEvents(TicketRepository tickets, CloseDueTickets autoClose, FireSlaEvent sla, Clock clock) {
    this.tickets = tickets;
    this.autoClose = autoClose;
    this.sla = sla;
    this.clock = clock;
  }

  /**
   * What one run did: per kind how many fired, how many were no longer due or pending (removed or
   * left), how many another run or change got first, the index items the queries read, and whether
   * the run saw every due entry.
   */
  public record Outcome(Map<String, Integer> fired, int skipped, int raced, int itemsRead, boolean complete) {
    public int fired(String kind) {
      return fired.getOrDefault(kind, 0);
    }
  }

  /**
   * Fires what is due at {@code now}.
   *
   * @throws IllegalArgumentException when {@code now} is more than {@link #MAX_AHEAD} after the clock's
   *     instant, or behind it (nothing is read or fired then)
   */
  public Outcome execute(Instant now, BooleanSupplier timeLeft) {
    Instant clockNow = clock.instant();
    if (Duration.between(clockNow, now).compareTo(MAX_AHEAD) > 0) {
      throw new IllegalArgumentException("Refused to fire due events at " + now + ": more than " + MAX_AHEAD.toDays()
          + " days after the clock's " + clockNow + " (a wrong scheduled event would fire a week of SLA warnings and"
          + " breaches at once)");
    }
    if (now.isBefore(clockNow.minusSeconds(1))) {
      throw new IllegalArgumentException("Refused to fire due events at " + now + ", behind the clock's " + clockNow
          + ": a run fires everything due by now");
    }
    Map<String, Integer> fired = new TreeMap<>();
    int skipped = 0;
    int raced = 0;
    int itemsRead = 0;
    for (int shard = 0; shard < TicketRepository.DUE_SHARDS; shard++) {
      for (int round = 0; round < MAX_ROUNDS_PER_SHARD; round++) {
        TicketRepository.DuePage page = tickets.due(shard, now, PAGE);
        itemsRead += page.itemsRead();
        int progressed = 0;
        for (DueEntry entry : page.entries()) {
          if (!timeLeft.getAsBoolean()) {
            return new Outcome(fired, skipped, raced, itemsRead, false);
          }
          switch (fire(entry, now)) {
            case FIRED -> {
              fired.merge(entry.kind(), 1, Integer::sum);
              progressed++;
            }
            case REMOVED -> {
              skipped++;
              progressed++;
            }
            case LEFT -> skipped++;
            case RACED -> raced++;
          }
        }
        if (page.entries().size() < PAGE || progressed == 0) {
          break;
        }
      }
    }
    return new Outcome(fired, skipped, raced, itemsRead, true);
  }

  private enum Result { FIRED, REMOVED, LEFT, RACED }

  private Result fire(DueEntry entry, Instant now) {
    if (CloseDueTickets.KIND.equals(entry.kind())) {
      return switch (autoClose.execute(entry, now)) {
        case CLOSED -> Result.FIRED;
        case NOT_DUE -> Result.LEFT;
        case CONFLICT -> Result.RACED;
      };
    }
    return switch (sla.execute(entry, now)) {
      case FIRED -> Result.FIRED;
      case DROPPED, MOVED -> Result.REMOVED;
      case RACED -> Result.RACED;
    };
  }
}
