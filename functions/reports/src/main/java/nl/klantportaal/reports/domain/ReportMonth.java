package nl.klantportaal.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;

/**
 * A report's month on the provider's clock (Europe/Amsterdam): it starts at the first moment of its
 * first day there and ends at the first moment of the next month. Figures are taken as of that end.
 */
public record ReportMonth(YearMonth value) implements Comparable<ReportMonth> {
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  public ReportMonth {
    if (value.getYear() < 2000 || value.getYear() > 9999) {
      throw invalid("is a month from 2000 on");
    }
  }

  /** {@code yyyy-mm}; anything else is a 400 naming the field. */
  public static ReportMonth parse(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}")) {
      throw invalid("is a month as yyyy-mm");
    }
    try {
      return new ReportMonth(YearMonth.parse(text));
    } catch (DateTimeParseException e) {
      throw invalid("is a month as yyyy-mm");
    }
  }

  /** The month before the one {@code now} lies in (the schedule runs on the 1st for the month just ended). */
  public static ReportMonth before(Instant now) {
    return new ReportMonth(YearMonth.from(now.atZone(ZONE)).minusMonths(1));
  }

  public Instant start() {
    return value.atDay(1).atStartOfDay(ZONE).toInstant();
  }

  /** The first moment after the month: figures are as of this instant. */
  public Instant end() {
    return value.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
  }

  public LocalDate firstDay() {
    return value.atDay(1);
  }

  public LocalDate lastDay() {
    return value.atEndOfMonth();
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start()) && at.isBefore(end());
  }

  /** A report is made of a month that has ended; a later month is a 400. */
  public ReportMonth requireEnded(Instant now) {
    if (now.isBefore(end())) {
      throw invalid("has not ended yet: a report covers a whole month");
    }
    return this;
  }

  @Override
  public int compareTo(ReportMonth other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }

  private static DomainException.InvalidInput invalid(String message) {
    return new DomainException.InvalidInput(List.of(new FieldError("month", "format", message)));
  }
}
