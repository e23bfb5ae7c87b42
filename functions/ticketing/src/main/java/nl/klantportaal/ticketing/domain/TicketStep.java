package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step in a ticket's life: from {@code at} on it had this status, priority and category. A ticket
 * keeps its steps (a new one whenever one of the three changes), so what it was at any moment can be
 * read back: the monthly report counts "as of the month's end" from them.
 */
public record TicketStep(Instant at, TicketStatus status, Priority priority, String category) {

  /** At most this many steps are kept: the first, and the latest ones (a ticket's item stays small). */
  public static final int MAX_STEPS = 100;

  /** {@code steps} with {@code next} added when it changes anything, the first and latest {@link #MAX_STEPS} kept. */
  public static List<TicketStep> append(List<TicketStep> steps, TicketStep next) {
    if (!steps.isEmpty()) {
      TicketStep last = steps.getLast();
      if (last.status() == next.status() && last.priority() == next.priority() && last.category().equals(next.category())) {
        return steps;
      }
    }
    List<TicketStep> appended = new ArrayList<>(steps);
    appended.add(next);
    if (appended.size() > MAX_STEPS) {
      appended.remove(1);
    }
    return List.copyOf(appended);
  }

  /** The step in force just before {@code moment}: the last one that began before it; empty when none did. */
  public static java.util.Optional<TicketStep> before(List<TicketStep> steps, Instant moment) {
    TicketStep found = null;
    for (TicketStep step : steps) {
      if (step.at().isBefore(moment)) {
        found = step;
      }
    }
    return java.util.Optional.ofNullable(found);
  }

  /** {@code 2026-11-03T10:00:00Z|resolved|high|email}: how a step is stored. */
  public String encode() {
    return at + "|" + status.wireName() + "|" + priority.wireName() + "|" + category;
  }

  public static TicketStep decode(String text) {
    String[] parts = text.split("\\|", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("A ticket step is at|status|priority|category: " + text);
    }
    return new TicketStep(Instant.parse(parts[0]), nl.klantportaal.core.shared.domain.WireEnum.parse(TicketStatus.class, parts[1]),
        nl.klantportaal.core.shared.domain.WireEnum.parse(Priority.class, parts[2]), parts[3]);
  }
}
