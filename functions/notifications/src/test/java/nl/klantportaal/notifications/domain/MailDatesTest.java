package nl.klantportaal.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class MailDatesTest {
  @Test
  void aDayIsWrittenInWordsInEachLanguage() {
    LocalDate day = LocalDate.of(2026, 12, 7);
    assertEquals("7 december 2026", MailDates.date(day, Language.NL));
    assertEquals("December 7, 2026", MailDates.date(day, Language.EN));
    assertEquals("7. Dezember 2026", MailDates.date(day, Language.DE));
  }

  @Test
  void aMomentIsOnTheAmsterdamClockWithItsZoneNamed() {
    Instant winter = Instant.parse("2026-12-07T13:30:00Z");
    assertEquals("7 december 2026 om 14:30 (CET)", MailDates.moment(winter, Language.NL));
    assertEquals("December 7, 2026 at 14:30 (CET)", MailDates.moment(winter, Language.EN));
    assertEquals("7. Dezember 2026 um 14:30 Uhr (MEZ)", MailDates.moment(winter, Language.DE));
    Instant summer = Instant.parse("2026-07-01T08:05:00Z");
    assertEquals("1 juli 2026 om 10:05 (CEST)", MailDates.moment(summer, Language.NL));
    assertEquals("1. Juli 2026 um 10:05 Uhr (MESZ)", MailDates.moment(summer, Language.DE));
  }
}
