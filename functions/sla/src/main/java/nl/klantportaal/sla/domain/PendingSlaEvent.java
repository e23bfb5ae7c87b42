package nl.klantportaal.sla.domain;

import java.time.Instant;

/**
 * A timed event the breach scan must fire for one ticket: one due-index entry. Reminders and the
 * priority drop belong to the paused resolution clock. {@code OUTCOME} is due when a target was
 * reached (met in time or late): firing it counts the outcome into the customer's month.
 */
public record PendingSlaEvent(Kind kind, TargetKind target, Instant dueAt) {

  public enum Kind { WARNING_80, DEADLINE, CUSTOMER_REMINDER, PRIORITY_DROP, OUTCOME }
}
