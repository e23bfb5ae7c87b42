package nl.klantportaal.sla.domain;

import java.util.EnumMap;
import java.util.Map;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The SLA table the portal ships with (response / resolution hours). Koper is the seed's table
 * (000); Brons, Zilver and Goud are stricter defaults a provider admin edits:
 *
 * <table>
 *   <caption>Default targets, response/resolution hours</caption>
 *   <tr><th>Priority</th><th>Calendar</th><th>Koper</th><th>Brons</th><th>Zilver</th><th>Goud</th></tr>
 *   <tr><td>Kritiek</td><td>24×7</td><td>24/72</td><td>8/48</td><td>4/24</td><td>1/8</td></tr>
 *   <tr><td>Hoog</td><td>24×7</td><td>36/96</td><td>16/72</td><td>8/48</td><td>4/24</td></tr>
 *   <tr><td>Normaal</td><td>business</td><td>48/120</td><td>24/96</td><td>16/72</td><td>8/48</td></tr>
 *   <tr><td>Laag</td><td>business</td><td>72/168</td><td>48/120</td><td>24/96</td><td>16/72</td></tr>
 * </table>
 *
 * <p>Kritiek and Hoog run on the 24×7 calendar in every tier: out of office hours only those are
 * handled (the seed's storingsdienst). Goud Kritiek's one hour matches Microsoft's severity A
 * (seed 003). Every tier waits for the customer by {@link WaitingPolicy#defaults()}.
 */
public final class DefaultSlaTable {

  private DefaultSlaTable() {}

  public static SlaTable table() {
    Map<SlaTier, Map<Priority, SlaTarget>> targets = new EnumMap<>(SlaTier.class);
    targets.put(SlaTier.KOPER, row(24, 72, 36, 96, 48, 120, 72, 168));
    targets.put(SlaTier.BRONS, row(8, 48, 16, 72, 24, 96, 48, 120));
    targets.put(SlaTier.ZILVER, row(4, 24, 8, 48, 16, 72, 24, 96));
    targets.put(SlaTier.GOUD, row(1, 8, 4, 24, 8, 48, 16, 72));
    Map<SlaTier, WaitingPolicy> waiting = new EnumMap<>(SlaTier.class);
    for (SlaTier tier : SlaTier.values()) {
      waiting.put(tier, WaitingPolicy.defaults());
    }
    return new SlaTable(targets, waiting);
  }

  private static Map<Priority, SlaTarget> row(int... hours) {
    Map<Priority, SlaTarget> row = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      int i = priority.ordinal() * 2;
      CalendarKind calendar = priority.compareTo(Priority.HIGH) <= 0 ? CalendarKind.AROUND_THE_CLOCK
          : CalendarKind.BUSINESS;
      row.put(priority, new SlaTarget(hours[i], hours[i + 1], calendar));
    }
    return row;
  }
}
