package nl.klantportaal.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class ReportMailTest {
  private static final ReportMonth NOVEMBER = ReportMonth.parse("2026-11");

  @Test
  void theMailNamesTheMonthAndThePortalsPreferencesPageInTheRecipientsLanguage() {
    var de = ReportMail.ready(Language.DE, "Greta", "Acme <B.V.>", NOVEMBER, "https://p.test/#/reports", "https://p.test/#/account");
    assertEquals("Ihr Monatsbericht für November 2026 liegt bereit", de.subject());
    assertTrue(de.text().contains("unter Meine Daten → E-Mail-Einstellungen aus: https://p.test/#/account"), de.text());
    assertTrue(de.html().contains("Acme &lt;B.V.&gt;"), de.html());
    assertTrue(de.html().contains("<a href=\"https://p.test/#/reports\">"), de.html());
    var en = ReportMail.ready(Language.EN, "Eve", "Acme", NOVEMBER, "https://p.test/#/reports", "https://p.test/#/account");
    assertTrue(en.text().contains("under My account → E-mail preferences: https://p.test/#/account"), en.text());
    var nl = ReportMail.ready(Language.NL, "Anna", "Acme", NOVEMBER, "https://p.test/#/reports", "https://p.test/#/account");
    assertEquals("Uw maandrapportage over november 2026 staat klaar", nl.subject());
    assertTrue(nl.text().contains("onder Mijn gegevens → E-mailvoorkeuren: https://p.test/#/account"), nl.text());
  }
}
