package nl.klantportaal.sla.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import nl.klantportaal.accounts.customer.domain.SlaTier;

/**
 * The provider's SLA settings in force: the tier table and the business calendar, each with the
 * version its edits are conditional on (0: never edited, the shipped default is in force).
 */
public record SlaSettings(SlaTable table, Map<SlaTier, Long> tierVersions, ProviderCalendar calendar,
    long calendarVersion) {

  public SlaSettings {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(calendar, "calendar");
    Map<SlaTier, Long> versions = new EnumMap<>(SlaTier.class);
    for (SlaTier tier : SlaTier.values()) {
      versions.put(tier, tierVersions.getOrDefault(tier, 0L));
    }
    tierVersions = java.util.Collections.unmodifiableMap(versions);
  }

  /** What the portal ships with: {@link DefaultSlaTable} and {@link ProviderCalendar#defaults()}. */
  public static SlaSettings defaults() {
    return new SlaSettings(DefaultSlaTable.table(), Map.of(), ProviderCalendar.defaults(), 0);
  }

  public long tierVersion(SlaTier tier) {
    return tierVersions.get(tier);
  }

  public SlaCalendars calendars() {
    return calendar.calendars();
  }

  /** The clock over the calendars in force. */
  public SlaClock clock() {
    return new SlaClock(calendars());
  }
}
