package nl.klantportaal.reports.domain;

import java.util.List;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * "Your monthly report is ready", with a link to the portal's reports page (never the PDF itself) and one to the account
 * page where the report mail is switched off, named as the portal names it (Mijn gegevens → E-mailvoorkeuren).
 */
public final class ReportMail {
  private ReportMail() {}

  public static ParagraphMail ready(Language language, String name, String customer, ReportMonth month, String link,
      String preferences) {
    String period = ReportTexts.monthName(month, language);
    return switch (language) {
      case NL -> new ParagraphMail("Uw maandrapportage over " + period + " staat klaar", List.of("Beste " + name + ",",
          "De maandrapportage van " + customer + " over " + period + " staat voor u klaar in het klantportaal.",
          "Bekijken en downloaden: " + link,
          "Wilt u deze berichten niet meer ontvangen? Zet ze uit onder Mijn gegevens → E-mailvoorkeuren: " + preferences,
          "Met vriendelijke groet,\nKlantportaal"));
      case EN -> new ParagraphMail("Your monthly report for " + period + " is ready", List.of("Dear " + name + ",",
          "The monthly report of " + customer + " for " + period + " is ready for you in the customer portal.",
          "View and download: " + link,
          "Rather not receive these messages? Turn them off under My account → E-mail preferences: " + preferences,
          "Kind regards,\nKlantportaal"));
      case DE -> new ParagraphMail("Ihr Monatsbericht für " + period + " liegt bereit", List.of("Guten Tag " + name + ",",
          "Der Monatsbericht von " + customer + " für " + period + " liegt im Kundenportal für Sie bereit.",
          "Ansehen und herunterladen: " + link,
          "Sie möchten diese Nachrichten nicht mehr erhalten? Schalten Sie sie unter Meine Daten → E-Mail-Einstellungen aus: " + preferences,
          "Mit freundlichen Grüßen\nKlantportaal"));
    };
  }
}
