package nl.klantportaal.sla.adapter.dynamodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.sla.domain.CalendarKind;
import nl.klantportaal.sla.domain.SlaTarget;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.domain.WaitingPolicy;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * One tier's terms as a list of short strings, stored on the tier item (pattern 29) and on each
 * ticket's SLA record (pattern 32): {@code <priority> <responseHours> <resolutionHours> <calendar>}
 * per priority, then {@code waiting <enabled> <reminderAfterBusinessDays> <remindersBeforeDrop>}.
 */
final class SlaTermsCodec {
  private SlaTermsCodec() {}

  static List<String> encode(SlaTerms terms) {
    List<String> lines = new ArrayList<>();
    for (Priority priority : Priority.values()) {
      SlaTarget t = terms.target(priority);
      lines.add(priority.wireName() + " " + t.responseHours() + " " + t.resolutionHours() + " " + t.calendar().wireName());
    }
    WaitingPolicy w = terms.waiting();
    lines.add("waiting " + w.enabled() + " " + w.reminderAfterBusinessDays() + " " + w.remindersBeforeDrop());
    return lines;
  }

  static SlaTerms decode(SlaTier tier, List<String> lines) {
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    WaitingPolicy waiting = null;
    for (String line : lines) {
      String[] p = line.split(" ");
      if (p[0].equals("waiting")) {
        waiting = new WaitingPolicy(Boolean.parseBoolean(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
      } else {
        Priority priority = Priority.fromWireName(p[0])
            .orElseThrow(() -> new IllegalStateException("Unknown priority in stored SLA terms: " + line));
        targets.put(priority, new SlaTarget(Integer.parseInt(p[1]), Integer.parseInt(p[2]), calendar(p[3])));
      }
    }
    if (waiting == null) {
      throw new IllegalStateException("Stored SLA terms of " + tier.wireName() + " lack their waiting policy");
    }
    return new SlaTerms(tier, targets, waiting);
  }

  static SlaTier tier(String wire) {
    return Arrays.stream(SlaTier.values()).filter(t -> t.wireName().equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown SLA tier in a stored item: " + wire));
  }

  private static CalendarKind calendar(String wire) {
    return Arrays.stream(CalendarKind.values()).filter(c -> c.wireName().equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown SLA calendar in a stored item: " + wire));
  }
}
