package nl.klantportaal.sla.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.klantportaal.accounts.customer.domain.SlaTier;

/**
 * What is stored of one ticket's SLA: its timeline (starting with {@link SlaEvent.Created}, which
 * carries the tier), the keys of timed events the scan already fired, the events still to fire (one
 * due-index entry each) and a version that every change of this record moves on.
 *
 * <p>A fired event is never pending again: {@link SlaClock} keeps past warnings and deadlines in its
 * list, and the fired set is what makes the scan send each of them once. An event is identified by
 * kind, target and due instant (whole seconds), so a priority change that moves a deadline gives a
 * new warning and a new deadline.
 *
 * <p>Compliance: each target's outcome is counted once in its ticket's life — by its fired deadline
 * (breached), or else by an {@code OUTCOME} event due when the target was first reached (met, or met
 * late). Either adds {@link #outcomeKey} to the fired set.
 */
public record SlaRecord(List<SlaEvent> timeline, Set<String> fired, List<PendingSlaEvent> pending, long version) {

  /** Compliance months are calendar months in the provider's zone. */
  public static final ZoneId MONTH_ZONE = ZoneId.of("Europe/Amsterdam");

  public SlaRecord {
    timeline = List.copyOf(timeline);
    fired = Set.copyOf(new TreeSet<>(fired));
    pending = List.copyOf(pending);
    if (timeline.isEmpty() || !(timeline.getFirst() instanceof SlaEvent.Created)) {
      throw new IllegalArgumentException("An SLA timeline starts with its Created event");
    }
  }

  /** A new ticket's record: only its creation, evaluated at {@code now}. */
  public static SlaRecord start(SlaEvent.Created created, SlaClock clock, Instant now) {
    return start(List.of(created), clock, now);
  }

  /** A new ticket's record from its opening events ({@link SlaEvents#opening}), evaluated at {@code now}. */
  public static SlaRecord start(List<SlaEvent> opening, SlaClock clock, Instant now) {
    if (opening.isEmpty() || !(opening.getFirst() instanceof SlaEvent.Created created)) {
      throw new IllegalArgumentException("An SLA timeline starts with its Created event");
    }
    return new SlaRecord(List.of(created), Set.of(), List.of(), 0)
        .next(opening.subList(1, opening.size()), clock, now, true);
  }

  public SlaTier tier() {
    return terms().tier();
  }

  /** The tier terms the ticket was raised under. */
  public SlaTerms terms() {
    return ((SlaEvent.Created) timeline.getFirst()).terms();
  }

  /**
   * The record after {@code events}, evaluated at {@code now}: the clock's pending events not fired
   * yet, plus an {@code OUTCOME} event for each target reached and not counted. {@code open} false (a
   * closed ticket) drops the clock's events; outcomes still to count stay.
   */
  public SlaRecord next(List<SlaEvent> events, SlaClock clock, Instant now, boolean open) {
    List<SlaEvent> longer = new ArrayList<>(timeline);
    longer.addAll(events);
    SlaStatus status = clock.evaluate(longer, now);
    List<PendingSlaEvent> toFire = new ArrayList<>();
    if (open) {
      status.pending().stream().filter(e -> e.kind() != PendingSlaEvent.Kind.OUTCOME)
          .map(e -> new PendingSlaEvent(e.kind(), e.target(), seconds(e.dueAt())))
          .filter(e -> !fired.contains(key(e))).forEach(toFire::add);
    }
    for (TargetStatus target : List.of(status.response(), status.resolution())) {
      if (target.metAt().isPresent() && !fired.contains(outcomeKey(target.kind()))) {
        toFire.add(pending.stream().filter(p -> p.kind() == PendingSlaEvent.Kind.OUTCOME && p.target() == target.kind())
            .findFirst().orElse(new PendingSlaEvent(PendingSlaEvent.Kind.OUTCOME, target.kind(),
                seconds(target.metAt().get()))));
      }
    }
    return new SlaRecord(longer, fired, toFire, version + 1);
  }

  /**
   * The record after the scan fired {@code event}: off the pending list, into the fired set; a
   * deadline or outcome also marks its target's outcome as counted.
   */
  public SlaRecord afterFiring(PendingSlaEvent event) {
    Set<String> more = new TreeSet<>(fired);
    more.addAll(firedKeys(event));
    return new SlaRecord(timeline, more, pending.stream().filter(p -> !same(p, event)).toList(), version + 1);
  }

  /** What firing {@code event} adds to the fired set. */
  public List<String> firedKeys(PendingSlaEvent event) {
    boolean counts = event.kind() == PendingSlaEvent.Kind.OUTCOME
        || event.kind() == PendingSlaEvent.Kind.DEADLINE && !counted(event.target());
    return counts ? List.of(key(event), outcomeKey(event.target())) : List.of(key(event));
  }

  public SlaStatus status(SlaClock clock, Instant now) {
    return clock.evaluate(timeline, now);
  }

  /** Whether {@code event} (as read from the due index, in whole seconds) is still to be fired. */
  public boolean isPending(PendingSlaEvent event) {
    return !fired.contains(key(event)) && pending.stream().anyMatch(p -> same(p, event));
  }

  /** Whether the target's outcome was counted already (its deadline or its outcome fired). */
  public boolean counted(TargetKind target) {
    return fired.contains(outcomeKey(target));
  }

  /** {@code <KIND>#<TARGET>#<dueAt in whole seconds>}. */
  public static String key(PendingSlaEvent event) {
    return event.kind().name() + "#" + event.target().name() + "#" + seconds(event.dueAt());
  }

  /** The fired-set entry that says a target's outcome has been counted. */
  public static String outcomeKey(TargetKind target) {
    return "COUNTED#" + target.name();
  }

  /** The compliance month of an instant. */
  public static YearMonth month(Instant at) {
    return YearMonth.from(at.atZone(MONTH_ZONE));
  }

  /** The instant in whole seconds, rounded up: a timed event never fires before its due instant. */
  public static Instant seconds(Instant at) {
    Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(at) ? whole : whole.plusSeconds(1);
  }

  private static boolean same(PendingSlaEvent a, PendingSlaEvent b) {
    return a.kind() == b.kind() && a.target() == b.target() && seconds(a.dueAt()).equals(seconds(b.dueAt()));
  }
}
