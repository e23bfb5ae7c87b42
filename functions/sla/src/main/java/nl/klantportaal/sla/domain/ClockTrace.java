package nl.klantportaal.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stretches of one target's clock: closed stretches that counted, the stretch running since an
 * instant (kept open after the target was met, so the due in force at that moment can be computed),
 * when it was met, and since when it is paused for the customer.
 */
record ClockTrace(List<Stretch> closed, Optional<Instant> runningSince, Optional<Instant> metAt,
    Optional<Instant> waitingSince) {

  record Stretch(Instant from, Instant to) {}

  ClockTrace {
    closed = List.copyOf(closed);
  }

  /**
   * The response clock: runs from creation — or, for a request awaiting approval, from the approval —
   * never paused, met by the first public agent reply.
   */
  static ClockTrace response(Instant created, List<SlaEvent> events) {
    Optional<Instant> reply = events.stream().filter(e -> e instanceof SlaEvent.PublicAgentReply)
        .map(SlaEvent::at).findFirst();
    return new ClockTrace(List.of(), start(created, events), reply, Optional.empty());
  }

  /**
   * The resolution clock: runs from the same start as the response clock, paused while waiting for
   * the customer and while resolved, met when resolved.
   */
  static ClockTrace resolution(Instant created, List<SlaEvent> events) {
    ClockTrace trace = new ClockTrace(List.of(), start(created, events), Optional.empty(), Optional.empty());
    for (SlaEvent event : events) {
      trace = trace.apply(event);
    }
    return trace;
  }

  /** Creation; for a request awaiting approval its approval, and nothing while it is not approved yet. */
  private static Optional<Instant> start(Instant created, List<SlaEvent> events) {
    if (events.stream().noneMatch(e -> e instanceof SlaEvent.AwaitingApproval)) {
      return Optional.of(created);
    }
    return events.stream().filter(e -> e instanceof SlaEvent.Approved).map(SlaEvent::at).findFirst();
  }

  /** Whether the clock ever ran: a request rejected before its approval never did, and counts nothing. */
  private boolean started() {
    return runningSince.isPresent() || !closed.isEmpty() || waitingSince.isPresent();
  }

  boolean running() {
    return runningSince.isPresent() && metAt.isEmpty();
  }

  private ClockTrace apply(SlaEvent event) {
    return switch (event) {
      case SlaEvent.WaitingForCustomer w when running() ->
          new ClockTrace(plus(runningSince.get(), w.at()), Optional.empty(), metAt, Optional.of(w.at()));
      case SlaEvent.CustomerAnswered a when waitingSince.isPresent() && metAt.isEmpty() -> resume(a.at());
      case SlaEvent.Reopened r when metAt.isPresent() || waitingSince.isPresent() -> resume(r.at());
      case SlaEvent.Resolved r when metAt.isEmpty() && started() -> new ClockTrace(closed, runningSince, Optional.of(r.at()),
          Optional.empty());
      default -> this;
    };
  }

  private ClockTrace resume(Instant at) {
    List<Stretch> counted = metAt.isPresent() && runningSince.isPresent() ? plus(runningSince.get(), metAt.get())
        : closed;
    return new ClockTrace(counted, Optional.of(at), Optional.empty(), Optional.empty());
  }

  private List<Stretch> plus(Instant from, Instant to) {
    List<Stretch> more = new ArrayList<>(closed);
    more.add(new Stretch(from, to));
    return more;
  }

  /**
   * When {@code threshold} calendar time had counted: inside a closed stretch, or on the open one;
   * empty when the clock is paused before reaching it, or when the calendar cannot reach it at all
   * (opening hours cut after the ticket was raised under a long target: no deadline, never an error).
   */
  Optional<Instant> reach(Duration threshold, SlaCalendar calendar) {
    Duration consumed = Duration.ZERO;
    for (Stretch stretch : closed) {
      Optional<Instant> candidate = calendar.reach(stretch.from(), threshold.minus(consumed));
      if (candidate.isPresent() && !candidate.get().isAfter(stretch.to())) {
        return candidate;
      }
      consumed = consumed.plus(calendar.elapsed(stretch.from(), stretch.to()));
    }
    Duration left = threshold.minus(consumed);
    return runningSince.flatMap(since -> calendar.reach(since, left));
  }
}
