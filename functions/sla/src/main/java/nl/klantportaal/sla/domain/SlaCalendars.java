package nl.klantportaal.sla.domain;

import java.util.Objects;

/** The provider's two calendars; the SLA table names which one each target runs on. */
public record SlaCalendars(BusinessCalendar business, AroundTheClockCalendar aroundTheClock) {

  public SlaCalendars {
    Objects.requireNonNull(business, "business");
    Objects.requireNonNull(aroundTheClock, "aroundTheClock");
  }

  public static SlaCalendars defaults() {
    return new SlaCalendars(BusinessCalendar.defaults(), new AroundTheClockCalendar());
  }

  public SlaCalendar of(CalendarKind kind) {
    return switch (kind) {
      case BUSINESS -> business;
      case AROUND_THE_CLOCK -> aroundTheClock;
    };
  }
}
