package nl.klantportaal.ticketing.domain;

import java.util.List;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.ticketing.domain.FormField.Kind;
import nl.klantportaal.ticketing.domain.FormField.Option;

/**
 * The categories and request types the portal ships with, from the seeds (Previder's request
 * forms: a Teams team or channel, user changes, access requests; TechUitgelegd's extra hours).
 * The provider changes, retires or adds to them through the catalogue routes; a stored entry with
 * the same id replaces the shipped one.
 */
public final class DefaultCatalogue {
  private DefaultCatalogue() {}

  private static LocalizedText t(String nl, String en, String de) {
    return new LocalizedText(nl, en, de);
  }

  private static final List<Option> URGENCY = List.of(
      new Option("low", t("Laag", "Low", "Niedrig")),
      new Option("normal", t("Normaal", "Normal", "Normal")),
      new Option("high", t("Hoog", "High", "Hoch")));

  public static final List<Category> CATEGORIES = List.of(
      new Category("workplace", t("Werkplek en laptop", "Workplace and laptop", "Arbeitsplatz und Laptop"), true),
      new Category("email", t("E-mail en Microsoft 365", "E-mail and Microsoft 365", "E-Mail und Microsoft 365"), true),
      new Category("network", t("Netwerk en internet", "Network and internet", "Netzwerk und Internet"), true),
      new Category("printing", t("Printen en scannen", "Printing and scanning", "Drucken und Scannen"), true),
      new Category("accounts", t("Accounts en toegang", "Accounts and access", "Konten und Zugriff"), true),
      new Category("security", t("Beveiliging", "Security", "Sicherheit"), true),
      new Category("software", t("Software en applicaties", "Software and applications", "Software und Anwendungen"), true),
      new Category("hours", t("Uren en facturatie", "Hours and invoicing", "Stunden und Abrechnung"), true),
      new Category("other", t("Overig", "Other", "Sonstiges"), true));

  public static final List<RequestType> REQUEST_TYPES = List.of(
      new RequestType("teams-team-or-channel",
          t("Teams-team of -kanaal aanmaken", "Create a Teams team or channel", "Teams-Team oder -Kanal anlegen"),
          t("Een nieuw Microsoft Teams-team of een extra kanaal in een bestaand team, met een functioneel doel en een duidelijke naam.",
              "A new Microsoft Teams team or an extra channel in an existing team, with a functional purpose and a clear name.",
              "Ein neues Microsoft-Teams-Team oder ein zusätzlicher Kanal in einem bestehenden Team, mit klarem Zweck und Namen."),
          "email",
          new FormSchema(List.of(
              FormField.choice("requestKind", t("Type verzoek", "Kind of request", "Art der Anfrage"), true, List.of(
                  new Option("team", t("Nieuw team", "New team", "Neues Team")),
                  new Option("channel", t("Extra kanaal", "Extra channel", "Zusätzlicher Kanal")))),
              FormField.text("name", t("Gewenste naam van team/kanaal", "Desired name of the team/channel",
                  "Gewünschter Name des Teams/Kanals"), true, 64),
              FormField.textarea("purpose", t("Doel van het team/kanaal", "Purpose of the team/channel", "Zweck des Teams/Kanals"), true),
              FormField.text("owners", t("Eigenaar/eigenaren", "Owner(s)", "Besitzer"), true, 500),
              FormField.text("members", t("Leden", "Members", "Mitglieder"), false, 2000),
              FormField.choice("visibility", t("Publiek of privé", "Public or private", "Öffentlich oder privat"), true, List.of(
                  new Option("public", t("Publiek", "Public", "Öffentlich")),
                  new Option("private", t("Privé", "Private", "Privat")))),
              FormField.choice("urgency", t("Urgentie", "Urgency", "Dringlichkeit"), true, URGENCY))),
          true, true),
      new RequestType("user-add-or-change",
          t("Gebruiker toevoegen of wijzigen", "Add or change a user", "Benutzer anlegen oder ändern"),
          t("Een nieuwe medewerker, een naamswijziging of een vertrekkende medewerker.",
              "A new employee, a change of name or an employee who leaves.",
              "Ein neuer Mitarbeiter, eine Namensänderung oder ein ausscheidender Mitarbeiter."),
          "accounts",
          new FormSchema(List.of(
              FormField.choice("change", t("Wijziging", "Change", "Änderung"), true, List.of(
                  new Option("add", t("Nieuwe gebruiker", "New user", "Neuer Benutzer")),
                  new Option("change", t("Gegevens wijzigen", "Change details", "Daten ändern")),
                  new Option("remove", t("Gebruiker verwijderen", "Remove user", "Benutzer entfernen")))),
              FormField.text("fullName", t("Volledige naam", "Full name", "Vollständiger Name"), true, 120),
              FormField.of("email", Kind.EMAIL, t("E-mailadres", "E-mail address", "E-Mail-Adresse"), false),
              FormField.of("startDate", Kind.DATE, t("Ingangsdatum", "Effective date", "Stichtag"), true),
              FormField.text("licence", t("Licentie", "Licence", "Lizenz"), false, 120),
              FormField.textarea("notes", t("Toelichting", "Notes", "Anmerkungen"), false))),
          true, true),
      new RequestType("access-request",
          t("Toegang aanvragen", "Request access", "Zugriff beantragen"),
          t("Toegang tot een map, applicatie of gedeelde mailbox.",
              "Access to a folder, application or shared mailbox.",
              "Zugriff auf einen Ordner, eine Anwendung oder ein gemeinsames Postfach."),
          "accounts",
          new FormSchema(List.of(
              FormField.text("forWhom", t("Voor wie", "For whom", "Für wen"), true, 120),
              FormField.text("resource", t("Map, applicatie of mailbox", "Folder, application or mailbox",
                  "Ordner, Anwendung oder Postfach"), true, 200),
              FormField.choice("accessLevel", t("Rechten", "Permissions", "Berechtigung"), true, List.of(
                  new Option("read", t("Lezen", "Read", "Lesen")),
                  new Option("write", t("Lezen en schrijven", "Read and write", "Lesen und Schreiben")),
                  new Option("owner", t("Eigenaar", "Owner", "Besitzer")))),
              FormField.textarea("reason", t("Reden", "Reason", "Begründung"), true),
              FormField.of("until", Kind.DATE, t("Tot en met (optioneel)", "Until (optional)", "Bis (optional)"), false))),
          true, true),
      new RequestType("extra-hours",
          t("Extra uren aanvragen", "Order extra hours", "Zusätzliche Stunden bestellen"),
          t("Een extra urenbundel als uw uren op (dreigen te) raken.",
              "An extra hour bundle when your hours run (or are about to run) out.",
              "Ein zusätzliches Stundenpaket, wenn Ihre Stunden (bald) aufgebraucht sind."),
          "hours",
          new FormSchema(List.of(
              FormField.of("hours", Kind.NUMBER, t("Aantal uren", "Number of hours", "Anzahl Stunden"), true),
              FormField.of("startDate", Kind.DATE, t("Gewenste ingangsdatum", "Desired start date", "Gewünschter Beginn"), false),
              FormField.textarea("notes", t("Toelichting", "Notes", "Anmerkungen"), false))),
          true, true),
      new RequestType("new-subscription",
          t("Nieuw abonnement", "New subscription", "Neues Abonnement"),
          t("Een nieuwe dienst of licentie afnemen (seed: via accountmanager of support).",
              "Take a new service or licence (through the account manager or support).",
              "Einen neuen Dienst oder eine neue Lizenz beziehen (über den Account-Manager oder den Support)."),
          "hours",
          new FormSchema(List.of(
              FormField.text("service", t("Dienst of licentie", "Service or licence", "Dienst oder Lizenz"), true, 200),
              FormField.of("quantity", Kind.NUMBER, t("Aantal", "Quantity", "Anzahl"), true),
              FormField.of("startDate", Kind.DATE, t("Gewenste ingangsdatum", "Desired start date", "Gewünschter Beginn"), false),
              FormField.textarea("notes", t("Toelichting", "Notes", "Anmerkungen"), false))),
          true, true),
      new RequestType("change-subscription",
          t("Abonnement wijzigen", "Change subscription", "Abonnement ändern"),
          t("Aantal aanpassen, verlengen of opzeggen.", "Change the quantity, renew or cancel.",
              "Anzahl ändern, verlängern oder kündigen."),
          "hours",
          new FormSchema(List.of(
              FormField.text("service", t("Welk abonnement", "Which subscription", "Welches Abonnement"), true, 200),
              FormField.choice("change", t("Wijziging", "Change", "Änderung"), true, List.of(
                  new Option("quantity", t("Aantal aanpassen", "Change the quantity", "Anzahl ändern")),
                  new Option("renew", t("Verlengen", "Renew", "Verlängern")),
                  new Option("cancel", t("Opzeggen", "Cancel", "Kündigen")))),
              FormField.of("quantity", Kind.NUMBER, t("Nieuw aantal (optioneel)", "New quantity (optional)", "Neue Anzahl (optional)"),
                  false),
              FormField.textarea("notes", t("Toelichting", "Notes", "Anmerkungen"), false))),
          true, true));
}
