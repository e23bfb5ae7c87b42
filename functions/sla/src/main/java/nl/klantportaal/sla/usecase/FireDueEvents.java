package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.ticketing.usecase.CloseDueTickets;

/**
 * The scheduled due-events scan (docs/data-model.md pattern 31): reads, shard by shard, only the
 * DueIndex entries due by now ({@code DuePK = DUE#<s>}, {@code DueSK <= now}; no Scan) and hands
 * each to its kind: AUTO_CLOSE to {@link CloseDueTickets}, the SLA kinds to {@link FireSlaEvent}.
 * Every firing is conditional, so overlapping or repeated runs fire each entry once. Before each
 * entry it asks {@code timeLeft}; when the run's time is up it stops, and the next run continues
 * with whatever is still due.
 *
 * <p>The entries of a page fire in parallel ({@value #PARALLEL} at a time), grouped by ticket: one
 * ticket's entries fire in order in one task, because they change the same SLA record, while
 * different tickets' entries are independent (each firing is its own conditional transaction, so
 * once-only delivery does not depend on the order). The run waits for a page before reading the next.
 * A page's SLA entries' tickets and records are read at once ({@link FireSlaEvent#read}), for the
 * first entry of each ticket.
 *
 * <p>A run fires what is due at the instant it is given (the schedule's time when it lies ahead of
 * the clock, for local testing), never more than its limit (7 days by default; prod: a minute of clock skew) after the clock's
 * instant, so a wrong event cannot fire a week of warnings and breaches at once; an instant behind
 * the clock is refused too (the handler never passes one: a late event fires what is due now).
 */
public final class FireDueEvents {
  static final int PAGE = 100;
  /** How many tickets' entries fire at once: the calls are round trips to DynamoDB and SES, not CPU work. */
  static final int PARALLEL = 16;
  /**
   * A run reads each shard once, page after page (entries that could not fire — not due yet, raced,
   * failed — are passed, not read again, so they hold up nobody behind them); at most this many pages.
   */
  private static final int MAX_PAGES_PER_SHARD = 50;
  /** How far a run's instant may lie ahead of the clock's (inclusive) unless configured: a week, for local testing. */
  public static final Duration DEFAULT_MAX_AHEAD = Duration.ofDays(7);

  private final TicketRepository tickets;
  private final CloseDueTickets autoClose;
  private final FireSlaEvent sla;
  private final Clock clock;
  private final Duration maxAhead;

  public FireDueEvents(TicketRepository tickets, CloseDueTickets autoClose, FireSlaEvent sla, Clock clock) {
    this(tickets, autoClose, sla, clock, DEFAULT_MAX_AHEAD);
  }

  /** {@code maxAhead}: how far ahead of the clock a run may fire (prod: clock skew only). */
  public FireDueEvents(TicketRepository tickets, CloseDueTickets autoClose, FireSlaEvent sla, Clock clock,
      Duration maxAhead) {
    this.tickets = tickets;
    this.autoClose = autoClose;
    this.sla = sla;
    this.clock = clock;
    this.maxAhead = maxAhead;
  }

  /**
   * What one run did: per kind how many fired, how many were no longer due or pending (removed or
   * left), how many another run or change got first, how many threw (they stay due; the first few
   * with their errors), the index items the queries read, and whether the run saw every due entry.
   */
  public record Outcome(Map<String, Integer> fired, int skipped, int raced, int failed, int itemsRead, boolean complete,
      List<Failure> failures) {
    public Outcome {
      failures = List.copyOf(failures);
    }

    public int fired(String kind) {
      return fired.getOrDefault(kind, 0);
    }
  }

  /**
   * An entry whose firing threw: the run goes on with the next entry (one bad entry must not hold up
   * every warning behind it), the entry stays due, and the handler logs each failure and counts it
   * for its alarm. At most {@link #MAX_REPORTED_FAILURES} are kept per run.
   */
  public record Failure(DueEntry entry, RuntimeException error) {}

  static final int MAX_REPORTED_FAILURES = 20;

  /**
   * Fires what is due at {@code now}.
   *
   * @throws IllegalArgumentException when {@code now} is more than the limit after the clock's
   *     instant, or behind it (nothing is read or fired then)
   */
  public Outcome execute(Instant now, BooleanSupplier timeLeft) {
    Instant clockNow = clock.instant();
    if (Duration.between(clockNow, now).compareTo(maxAhead) > 0) {
      throw new IllegalArgumentException("Refused to fire due events at " + now + ": more than " + describe(maxAhead)
          + " after the clock's " + clockNow + " (a wrong scheduled event would fire SLA warnings and breaches early)");
    }
    if (now.isBefore(clockNow.minusSeconds(1))) {
      throw new IllegalArgumentException("Refused to fire due events at " + now + ", behind the clock's " + clockNow
          + ": a run fires everything due by now");
    }
    Map<String, Integer> fired = new TreeMap<>();
    List<Failure> failures = new ArrayList<>();
    int[] counts = new int[4]; // skipped, raced, failed, itemsRead
    boolean complete = true;
    // Runs start at a shard that rotates every run, so a backlog in one shard cannot starve the others.
    int shards = tickets.dueShards();
    int first = (int) Math.floorMod(now.getEpochSecond() / 300, (long) shards);
    FireSlaEvent.Run run = sla.run();
    try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
      for (int s = 0; s < shards; s++) {
        int shard = (first + s) % shards;
        Optional<String> after = Optional.empty();
        for (int round = 0; round < MAX_PAGES_PER_SHARD; round++) {
          TicketRepository.DuePage page = tickets.due(shard, now, PAGE, after);
          counts[3] += page.itemsRead();
          boolean finished = firePage(page.entries(), now, timeLeft, pool, run, fired, failures, counts);
          if (!finished) {
            return new Outcome(fired, counts[0], counts[1], counts[2], counts[3], false, failures);
          }
          after = page.next();
          if (after.isEmpty()) {
            break;
          }
        }
        complete &= after.isEmpty();
      }
    }
    return new Outcome(fired, counts[0], counts[1], counts[2], counts[3], complete, failures);
  }

  /**
   * Fires one page's entries, a task per ticket, and tallies what happened; false when the run's time
   * ran out before every ticket of the page got its turn (those not started stay due for the next run).
   */
  private boolean firePage(List<DueEntry> entries, Instant now, BooleanSupplier timeLeft, ExecutorService pool,
      FireSlaEvent.Run run, Map<String, Integer> fired, List<Failure> failures, int[] counts) {
    Map<TicketRef, List<DueEntry>> byTicket = new LinkedHashMap<>();
    entries.forEach(entry -> byTicket.computeIfAbsent(entry.ticket(), t -> new ArrayList<>()).add(entry));
    // The SLA entries' tickets and records, read for the page at once; a ticket's later entries read
    // again, since its first one's firing changed the record.
    Map<TicketRef, FireSlaEvent.Reads> reads = sla.read(entries.stream()
        .filter(entry -> !CloseDueTickets.KIND.equals(entry.kind())).map(DueEntry::ticket).distinct().toList());
    List<Future<List<Fired>>> tasks = new ArrayList<>();
    boolean finished = true;
    for (List<DueEntry> ticketEntries : byTicket.values()) {
      if (!timeLeft.getAsBoolean()) {
        finished = false;
        break;
      }
      tasks.add(pool.submit(() -> {
        List<Fired> results = new ArrayList<>();
        Optional<FireSlaEvent.Reads> read = Optional.ofNullable(reads.get(ticketEntries.getFirst().ticket()));
        for (DueEntry entry : ticketEntries) {
          boolean slaEntry = !CloseDueTickets.KIND.equals(entry.kind());
          results.add(fireOne(entry, now, run, slaEntry ? read : Optional.empty()));
          if (slaEntry) {
            read = Optional.empty();
          }
        }
        return results;
      }));
    }
    try {
      tally(tasks, fired, failures, counts);
    } finally {
      // The page's sent mails are marked SENT together, also when a task ended the run (what was sent stays sent).
      run.endPage();
    }
    return finished;
  }

  private static void tally(List<Future<List<Fired>>> tasks, Map<String, Integer> fired, List<Failure> failures,
      int[] counts) {
    for (Future<List<Fired>> task : tasks) {
      for (Fired result : join(task)) {
        switch (result.result()) {
          case FIRED -> fired.merge(result.entry().kind(), 1, Integer::sum);
          case REMOVED, LEFT -> counts[0]++;
          case RACED -> counts[1]++;
          case FAILED -> {
            counts[2]++;
            if (failures.size() < MAX_REPORTED_FAILURES) {
              failures.add(new Failure(result.entry(), result.error().orElseThrow()));
            }
          }
        }
      }
    }
  }

  private record Fired(DueEntry entry, Result result, Optional<RuntimeException> error) {}

  /** One entry: its outcome, or the error it threw (the run goes on; the entry stays due). */
  private Fired fireOne(DueEntry entry, Instant now, FireSlaEvent.Run run, Optional<FireSlaEvent.Reads> read) {
    try {
      return new Fired(entry, fire(entry, now, run, read), Optional.empty());
    } catch (RuntimeException e) {
      return new Fired(entry, Result.FAILED, Optional.of(e));
    }
  }

  private static List<Fired> join(Future<List<Fired>> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The due-events scan was interrupted", e);
    } catch (ExecutionException e) {
      // fireOne catches every RuntimeException; an Error (out of memory, a missing class) ends the run.
      throw new IllegalStateException("Firing a due entry failed beyond its own error handling", e.getCause());
    }
  }

  private static String describe(Duration limit) {
    return limit.toHours() >= 24 && limit.toHours() % 24 == 0 ? limit.toDays() + " days" : limit.toString();
  }

  private enum Result { FIRED, REMOVED, LEFT, RACED, FAILED }

  private Result fire(DueEntry entry, Instant now, FireSlaEvent.Run run, Optional<FireSlaEvent.Reads> read) {
    if (CloseDueTickets.KIND.equals(entry.kind())) {
      return switch (autoClose.execute(entry, now)) {
        case CLOSED -> Result.FIRED;
        case NOT_DUE -> Result.LEFT;
        case CONFLICT -> Result.RACED;
      };
    }
    return switch (run.execute(entry, now, read.orElseGet(() -> sla.read(entry.ticket())))) {
      case FIRED -> Result.FIRED;
      case DROPPED, MOVED -> Result.REMOVED;
      case RACED -> Result.RACED;
    };
  }
}
