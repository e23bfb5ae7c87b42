package nl.klantportaal.sla.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The next step of the waiting-for-customer policy for a ticket that waits now: a reminder N business
 * days after the wait began or the last reminder; once M reminders of this cycle went unanswered, a
 * priority drop N business days after the last one. A priority change during the wait starts a new
 * cycle. Nothing when the policy is off, the ticket does not wait, or the priority is already low.
 */
record WaitingSchedule(WaitingPolicy policy, BusinessCalendar calendar) {

  Optional<PendingSlaEvent> next(List<SlaEvent> events, Priority priority) {
    Optional<Instant> cycleStart = cycleStart(events);
    if (!policy.enabled() || cycleStart.isEmpty()) {
      return Optional.empty();
    }
    List<Instant> reminders = events.stream().filter(e -> e instanceof SlaEvent.CustomerReminded)
        .map(SlaEvent::at).filter(at -> !at.isBefore(cycleStart.get())).toList();
    Instant last = reminders.isEmpty() ? cycleStart.get() : reminders.getLast();
    Instant dueAt = calendar.addBusinessDays(last, policy.reminderAfterBusinessDays());
    if (reminders.size() < policy.remindersBeforeDrop()) {
      return Optional.of(new PendingSlaEvent(PendingSlaEvent.Kind.CUSTOMER_REMINDER, TargetKind.RESOLUTION, dueAt));
    }
    return priority == Priority.LOW ? Optional.empty()
        : Optional.of(new PendingSlaEvent(PendingSlaEvent.Kind.PRIORITY_DROP, TargetKind.RESOLUTION, dueAt));
  }

  /** When the current wait (or its latest priority change) began; empty when the ticket does not wait now. */
  private static Optional<Instant> cycleStart(List<SlaEvent> events) {
    Optional<Instant> start = Optional.empty();
    for (SlaEvent event : events) {
      start = switch (event) {
        case SlaEvent.WaitingForCustomer w -> start.isPresent() ? start : Optional.of(w.at());
        case SlaEvent.CustomerAnswered a -> Optional.empty();
        case SlaEvent.Reopened r -> Optional.empty();
        case SlaEvent.Resolved r -> Optional.empty();
        case SlaEvent.PriorityChanged p -> start.map(s -> p.at());
        default -> start;
      };
    }
    return start;
  }
}
