package nl.klantportaal.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import nl.klantportaal.core.shared.domain.Language;

/**
 * Dates and moments as a mail writes them in the recipient's language: a day in words ("7 december 2026",
 * "December 7, 2026", "7. Dezember 2026") and a moment on the Amsterdam clock with its zone named, so a
 * reader elsewhere knows which clock it is ("7 december 2026 om 14:30 (CET)", "December 7, 2026 at 14:30
 * (CET)", "7. Dezember 2026 um 14:30 Uhr (MEZ)"; summer time CEST / MESZ).
 */
public final class MailDates {
  /** The provider's clock: every moment in a mail is shown on it. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private MailDates() {}

  /** A day in words in the language's long form. */
  public static String date(LocalDate date, Language language) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)));
  }

  /** A moment on the Amsterdam clock: its day in words, the time (24-hour) and the zone's short name. */
  public static String moment(Instant at, Language language) {
    ZonedDateTime local = at.atZone(ZONE);
    String day = date(local.toLocalDate(), language);
    String time = CLOCK.format(local);
    String zone = DateTimeFormatter.ofPattern("zzz", locale(language)).format(local);
    return switch (language) {
      case NL -> day + " om " + time + " (" + zone + ")";
      case EN -> day + " at " + time + " (" + zone + ")";
      case DE -> day + " um " + time + " Uhr (" + zone + ")";
    };
  }

  private static Locale locale(Language language) {
    return Locale.forLanguageTag(language.tag());
  }
}
