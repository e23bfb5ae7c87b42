package nl.klantportaal.reports.domain;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import nl.klantportaal.core.shared.domain.Language;

/** The report's words in Dutch, English and German (Dutch first, as the portal). */
public final class ReportTexts {
  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      Map.entry("title", new String[] {"Maandrapportage", "Monthly report", "Monatsbericht"}),
      Map.entry("for", new String[] {"voor", "for", "für"}),
      Map.entry("generated", new String[] {"Gemaakt op", "Generated on", "Erstellt am"}),
      Map.entry("asOf", new String[] {"Tickets en SLA per einde maand (Europe/Amsterdam); uren naar de datum van het werk",
          "Tickets and SLA as of the month's end (Europe/Amsterdam); hours by the date of the work",
          "Tickets und SLA zum Monatsende (Europe/Amsterdam); Stunden nach dem Datum der Arbeit"}),
      Map.entry("contents", new String[] {"Inhoud", "Contents", "Inhalt"}),
      Map.entry("ratings", new String[] {"Tevredenheid", "Satisfaction", "Zufriedenheit"}),
      Map.entry("noRatings", new String[] {"Deze maand zijn geen tickets beoordeeld.", "No tickets were rated this month.",
          "In diesem Monat wurden keine Tickets bewertet."}),
      Map.entry("ratingAverage", new String[] {"Gemiddeld %s uit 5, over %d beoordelingen van gesloten tickets.",
          "An average of %s out of 5, over %d ratings of closed tickets.",
          "Durchschnittlich %s von 5, aus %d Bewertungen geschlossener Tickets."}),
      Map.entry("ratingOne", new String[] {"Gemiddeld %s uit 5, over 1 beoordeling van een gesloten ticket.",
          "An average of %s out of 5, over 1 rating of a closed ticket.",
          "Durchschnittlich %s von 5, aus 1 Bewertung eines geschlossenen Tickets."}),
      Map.entry("score", new String[] {"Beoordeling", "Rating", "Bewertung"}),
      Map.entry("count", new String[] {"Aantal", "Count", "Anzahl"}),
      Map.entry("share", new String[] {"Aandeel", "Share", "Anteil"}),
      Map.entry("score1", new String[] {"zeer ontevreden", "very dissatisfied", "sehr unzufrieden"}),
      Map.entry("score2", new String[] {"ontevreden", "dissatisfied", "unzufrieden"}),
      Map.entry("score3", new String[] {"neutraal", "neutral", "neutral"}),
      Map.entry("score4", new String[] {"tevreden", "satisfied", "zufrieden"}),
      Map.entry("score5", new String[] {"zeer tevreden", "very satisfied", "sehr zufrieden"}),
      Map.entry("page", new String[] {"Pagina %d van %d", "Page %d of %d", "Seite %d von %d"}),
      Map.entry("tickets", new String[] {"Tickets", "Tickets", "Tickets"}),
      Map.entry("opened", new String[] {"Geopend", "Opened", "Eröffnet"}),
      Map.entry("resolved", new String[] {"Opgelost", "Resolved", "Gelöst"}),
      Map.entry("closed", new String[] {"Gesloten", "Closed", "Geschlossen"}),
      Map.entry("stillOpen", new String[] {"Nog open", "Still open", "Noch offen"}),
      Map.entry("total", new String[] {"Totaal", "Total", "Gesamt"}),
      Map.entry("priority", new String[] {"Prioriteit", "Priority", "Priorität"}),
      Map.entry("category", new String[] {"Categorie", "Category", "Kategorie"}),
      Map.entry("perWeek", new String[] {"Tickets per week", "Tickets per week", "Tickets pro Woche"}),
      Map.entry("week", new String[] {"week", "week", "KW"}),
      Map.entry("sla", new String[] {"SLA-naleving", "SLA compliance", "SLA-Einhaltung"}),
      Map.entry("response", new String[] {"Reactie", "Response", "Reaktion"}),
      Map.entry("resolution", new String[] {"Oplossing", "Resolution", "Lösung"}),
      Map.entry("met", new String[] {"gehaald", "met", "eingehalten"}),
      Map.entry("breached", new String[] {"Overschreden doelen", "Breached targets", "Verletzte Ziele"}),
      Map.entry("noBreaches", new String[] {"Geen doelen overschreden.", "No target was breached.", "Kein Ziel wurde verletzt."}),
      Map.entry("ticket", new String[] {"Ticket", "Ticket", "Ticket"}),
      Map.entry("target", new String[] {"Doel", "Target", "Ziel"}),
      Map.entry("due", new String[] {"Uiterlijk", "Due", "Fällig"}),
      Map.entry("hours", new String[] {"Uren", "Hours", "Stunden"}),
      Map.entry("type", new String[] {"Soort", "Type", "Art"}),
      Map.entry("used", new String[] {"Gebruikt", "Used", "Verbraucht"}),
      Map.entry("overflow", new String[] {"Waarvan buiten de bundels (Ad-Hoc Facturabel)", "Of which beyond the bundles (ad-hoc billable)",
          "Davon außerhalb der Kontingente (ad-hoc abrechenbar)"}),
      Map.entry("bundles", new String[] {"Urenbundels", "Hour bundles", "Stundenkontingente"}),
      Map.entry("period", new String[] {"Periode", "Period", "Zeitraum"}),
      Map.entry("size", new String[] {"Omvang", "Size", "Umfang"}),
      Map.entry("status", new String[] {"Status", "Status", "Status"}),
      Map.entry("subject", new String[] {"Onderwerp", "Subject", "Betreff"}),
      Map.entry("remaining", new String[] {"Resterend", "Remaining", "Verbleibend"}),
      Map.entry("noBundles", new String[] {"Geen urenbundels in deze maand.", "No hour bundles this month.", "Keine Stundenkontingente in diesem Monat."}),
      Map.entry("forecast", new String[] {"Prognose", "Forecast", "Prognose"}),
      Map.entry("RUNS_OUT", new String[] {"In dit tempo (%s per week) zijn de uren op %s op.", "At this pace (%s a week) the hours run out on %s.",
          "Bei diesem Tempo (%s pro Woche) sind die Stunden am %s aufgebraucht."}),
      Map.entry("OUTLASTS_VALIDITY", new String[] {"In dit tempo (%s per week) blijven er uren over als de bundels verlopen.",
          "At this pace (%s a week) hours are left when the bundles end.", "Bei diesem Tempo (%s pro Woche) bleiben Stunden übrig, wenn die Kontingente enden."}),
      Map.entry("NOT_ENOUGH_HISTORY", new String[] {"Te weinig gebruik voor een prognose.", "Too little use for a forecast.", "Zu wenig Verbrauch für eine Prognose."}),
      Map.entry("NO_RECENT_USE", new String[] {"Geen recent gebruik: de uren raken in dit tempo niet op.", "No recent use: at this pace the hours do not run out.",
          "Kein aktueller Verbrauch: bei diesem Tempo werden die Stunden nicht aufgebraucht."}),
      Map.entry("NOTHING_LEFT", new String[] {"Er zijn geen actieve uren meer.", "No active hours are left.", "Es sind keine aktiven Stunden mehr übrig."}),
      Map.entry("subscriptions", new String[] {"Abonnementen die binnen 60 dagen aflopen", "Subscriptions ending within 60 days",
          "Abonnements, die innerhalb von 60 Tagen enden"}),
      Map.entry("service", new String[] {"Dienst", "Service", "Dienst"}),
      Map.entry("quantity", new String[] {"Aantal", "Quantity", "Anzahl"}),
      Map.entry("endDate", new String[] {"Einddatum", "End date", "Enddatum"}),
      Map.entry("autoRenew", new String[] {"Verlengt automatisch", "Renews automatically", "Verlängert sich automatisch"}),
      Map.entry("yes", new String[] {"ja", "yes", "ja"}),
      Map.entry("no", new String[] {"nee", "no", "nein"}),
      Map.entry("noSubscriptions", new String[] {"Geen abonnementen die binnenkort aflopen.", "No subscriptions end soon.",
          "Keine Abonnements enden demnächst."}),
      Map.entry("complianceChart", new String[] {"Naleving per prioriteit (%)", "Compliance per priority (%)", "Einhaltung pro Priorität (%)"}));

  private ReportTexts() {}

  public static String text(String key, Language language) {
    String[] texts = TEXTS.get(key);
    if (texts == null) {
      throw new IllegalArgumentException("No report text " + key);
    }
    return texts[language.ordinal()];
  }

  public static Locale locale(Language language) {
    return switch (language) {
      case NL -> Locale.of("nl", "NL");
      case EN -> Locale.of("en", "GB");
      case DE -> Locale.of("de", "DE");
    };
  }

  /** "november 2026", "November 2026". */
  public static String monthName(ReportMonth month, Language language) {
    return month.value().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale(language)) + " " + month.value().getYear();
  }

  /** A moment in a table: "21-11-2026 14:00", "21 Nov 2026 14:00", "21.11.2026 14:00". */
  public static DateTimeFormatter moments(Language language) {
    return DateTimeFormatter.ofPattern(switch (language) {
      case NL -> "d-M-yyyy HH:mm";
      case EN -> "d MMM yyyy HH:mm";
      case DE -> "d.M.yyyy HH:mm";
    }, locale(language));
  }

  public static DateTimeFormatter dates(Language language) {
    return DateTimeFormatter.ofPattern(language == Language.DE ? "d. MMMM yyyy" : "d MMMM yyyy", locale(language));
  }

  /** A decimal with the language's sign: {@code 66,7} in Dutch and German, {@code 66.7} in English. */
  public static String decimal(java.math.BigDecimal value, Language language) {
    String plain = value.toPlainString();
    return language == Language.EN ? plain : plain.replace('.', ',');
  }

  /** Minutes as hours and minutes: {@code 12:30}. */
  public static String hours(int minutes) {
    int abs = Math.abs(minutes);
    return (minutes < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
  }
}
