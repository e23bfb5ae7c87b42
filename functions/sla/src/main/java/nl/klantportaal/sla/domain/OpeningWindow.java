package nl.klantportaal.sla.domain;

import java.time.LocalTime;
import java.util.Objects;

/** The hours of one weekday, in local wall-clock time; closes after it opens, within the same day. */
public record OpeningWindow(LocalTime opens, LocalTime closes) {

  public OpeningWindow {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException("closes must be after opens: " + opens + "-" + closes);
    }
  }
}
