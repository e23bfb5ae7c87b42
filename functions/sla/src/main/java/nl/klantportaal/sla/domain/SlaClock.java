package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The SLA clock of one ticket, computed from its timeline at a given moment (time is always passed in).
 *
 * <ul>
 *   <li>The response target is met by the first public agent reply and is never paused.
 *   <li>The resolution target is met when resolved; waiting for the customer pauses it and the pause's
 *       calendar time does not count; time spent resolved before a reopen does not count either, and a
 *       reopen makes the target pending again until the next resolve.
 *   <li>A priority change recomputes every target still pending from creation with the new priority's
 *       hours; a target already met or breached at the change keeps its priority and outcome — and a
 *       resolution met at the change takes the new priority if the ticket is reopened.
 *   <li>The targets are the terms in {@link SlaEvent.Created}: a later tier change or table edit applies to
 *       new tickets only. The calendars are the provider's current ones: an added closure counts for
 *       every ticket from its next evaluation on.
 *   <li>Warnings fall at 80 % of the target's calendar time; a target is breached from its due instant on.
 * </ul>
 *
 * Events after {@code now} are ignored; events at the same instant keep their list order.
 */
public final class SlaClock {

  private final SlaCalendars calendars;

  /** A clock over the provider's calendars as they are now; the targets come from each ticket's terms. */
  public SlaClock(SlaCalendars calendars) {
    this.calendars = java.util.Objects.requireNonNull(calendars, "calendars");
  }

  public SlaStatus evaluate(List<SlaEvent> timeline, Instant now) {
    List<SlaEvent> events = timeline.stream().filter(e -> !e.at().isAfter(now))
        .sorted(Comparator.comparing(SlaEvent::at)).toList();
    SlaEvent.Created created = created(events);
    TargetStatus response = target(TargetKind.RESPONSE, created, events, now);
    TargetStatus resolution = target(TargetKind.RESOLUTION, created, events, now);
    List<PendingSlaEvent> pending = new ArrayList<>();
    pending.addAll(timers(response));
    pending.addAll(timers(resolution));
    new WaitingSchedule(created.terms().waiting(), calendars.business())
        .next(events, currentPriority(created, events)).ifPresent(pending::add);
    pending.sort(Comparator.comparing(PendingSlaEvent::dueAt));
    return new SlaStatus(response, resolution, pending);
  }

  /** The ticket's priority now: its last change, else the one it was created with. */
  private static Priority currentPriority(SlaEvent.Created created, List<SlaEvent> events) {
    Priority priority = created.priority();
    for (SlaEvent event : events) {
      if (event instanceof SlaEvent.PriorityChanged change) {
        priority = change.priority();
      }
    }
    return priority;
  }

  private static SlaEvent.Created created(List<SlaEvent> events) {
    List<SlaEvent.Created> created = events.stream().filter(e -> e instanceof SlaEvent.Created)
        .map(SlaEvent.Created.class::cast).toList();
    if (created.size() != 1 || events.getFirst() != created.getFirst()) {
      throw new IllegalArgumentException("a timeline starts with exactly one Created event up to now");
    }
    return created.getFirst();
  }

  /**
   * The target with the priority it runs on: each priority change recomputes it from creation while
   * it is pending; a breach is final (later changes leave it); a change while it is met (a resolved
   * ticket) waits, and applies if the ticket is reopened.
   */
  private TargetStatus target(TargetKind kind, SlaEvent.Created created, List<SlaEvent> events, Instant now) {
    Priority priority = created.priority();
    Optional<Priority> waiting = Optional.empty();
    for (int i = 0; i < events.size(); i++) {
      SlaEvent event = events.get(i);
      if (event instanceof SlaEvent.PriorityChanged change) {
        SlaState before = status(kind, created, priority, events.subList(0, i), change.at()).state();
        if (before == SlaState.BREACHED) {
          break;
        }
        if (before == SlaState.MET) {
          waiting = Optional.of(change.priority());
        } else {
          priority = change.priority();
        }
      } else if (event instanceof SlaEvent.Reopened && waiting.isPresent()
          && status(kind, created, priority, events.subList(0, i + 1), event.at()).state() != SlaState.MET) {
        priority = waiting.get();
        waiting = Optional.empty();
      }
    }
    return status(kind, created, priority, events, now);
  }

  private TargetStatus status(TargetKind kind, SlaEvent.Created created, Priority priority, List<SlaEvent> events,
      Instant now) {
    SlaTarget target = created.terms().target(priority);
    SlaCalendar calendar = calendars.of(target.calendar());
    ClockTrace trace = kind == TargetKind.RESPONSE ? ClockTrace.response(created.at(), events)
        : ClockTrace.resolution(created.at(), events);
    Duration hours = target.of(kind);
    Optional<Instant> due = trace.reach(hours, calendar);
    Optional<Instant> warning = trace.reach(hours.multipliedBy(4).dividedBy(5), calendar);
    return new TargetStatus(kind, priority, hours, target.calendar(), due, warning, trace.metAt(),
        state(trace, due, now));
  }

  private static SlaState state(ClockTrace trace, Optional<Instant> due, Instant now) {
    if (trace.metAt().isPresent()) {
      Instant metAt = trace.metAt().get();
      return due.filter(metAt::isAfter).isPresent() ? SlaState.BREACHED : SlaState.MET;
    }
    if (due.filter(d -> !now.isBefore(d)).isPresent()) {
      return SlaState.BREACHED;
    }
    return trace.running() ? SlaState.RUNNING : SlaState.PAUSED;
  }

  /**
   * The warning and deadline of a target not yet met and not paused. Instants already past stay in
   * the list: the scan fires each entry once (its conditional write), so a warning made due by a
   * priority change is still sent.
   */
  private static List<PendingSlaEvent> timers(TargetStatus status) {
    if (status.state() != SlaState.RUNNING && status.state() != SlaState.BREACHED || status.metAt().isPresent()) {
      return List.of();
    }
    List<PendingSlaEvent> timers = new ArrayList<>();
    status.warningAt().ifPresent(at -> timers.add(new PendingSlaEvent(PendingSlaEvent.Kind.WARNING_80,
        status.kind(), at)));
    status.dueAt().ifPresent(at -> timers.add(new PendingSlaEvent(PendingSlaEvent.Kind.DEADLINE, status.kind(), at)));
    return timers;
  }
}
