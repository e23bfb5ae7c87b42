package nl.klantportaal.accounts.identity.domain;

import nl.klantportaal.core.shared.domain.Language;

/**
 * The account mails Cognito sends (through SES), written by the portal in the user's language.
 * Cognito substitutes its own placeholders: the code ({@code {####}}) and, for accounts created by
 * an admin, the username. User-written text (the display name) is HTML-escaped.
 */
public final class AccountMail {

  public enum Kind { SIGN_UP_CODE, PASSWORD_RESET_CODE, EMAIL_CHANGE_CODE, TEMPORARY_PASSWORD }

  public record Message(String subject, String html) {}

  private AccountMail() {}

  public static Message render(Kind kind, Language language, String displayName, String codePlaceholder,
      String usernamePlaceholder) {
    String name = escape(displayName);
    String code = "<p style=\"font-size:24px;font-weight:bold;letter-spacing:4px\">" + codePlaceholder + "</p>";
    return switch (language) {
      case NL -> switch (kind) {
        case SIGN_UP_CODE -> new Message("Uw verificatiecode voor het Klantportaal",
            page("Beste " + name + ",", "Gebruik deze code om uw e-mailadres te verifiëren:" + code
                + "<p>De code is 24 uur geldig. Heeft u geen account aangemaakt? Dan kunt u deze e-mail negeren.</p>"));
        case PASSWORD_RESET_CODE -> new Message("Wachtwoord herstellen voor het Klantportaal",
            page("Beste " + name + ",", "Gebruik deze code om een nieuw wachtwoord in te stellen:" + code
                + "<p>Heeft u dit niet aangevraagd? Dan blijft uw wachtwoord ongewijzigd.</p>"));
        case EMAIL_CHANGE_CODE -> new Message("Bevestig uw nieuwe e-mailadres",
            page("Beste " + name + ",", "Gebruik deze code om uw nieuwe e-mailadres te bevestigen:" + code));
        case TEMPORARY_PASSWORD -> new Message("Uw account voor het Klantportaal",
            page("Welkom,", "Er is een account voor u aangemaakt. Gebruikersnaam: " + usernamePlaceholder
                + "<br>Tijdelijk wachtwoord:" + code + "<p>Bij de eerste keer inloggen kiest u een eigen wachtwoord "
                + "en stelt u tweestapsverificatie in.</p>"));
      };
      case EN -> switch (kind) {
        case SIGN_UP_CODE -> new Message("Your Klantportaal verification code",
            page("Dear " + name + ",", "Use this code to verify your e-mail address:" + code
                + "<p>The code is valid for 24 hours. Did not create an account? Then you can ignore this e-mail.</p>"));
        case PASSWORD_RESET_CODE -> new Message("Reset your Klantportaal password",
            page("Dear " + name + ",", "Use this code to set a new password:" + code
                + "<p>Did not ask for this? Then your password stays as it is.</p>"));
        case EMAIL_CHANGE_CODE -> new Message("Confirm your new e-mail address",
            page("Dear " + name + ",", "Use this code to confirm your new e-mail address:" + code));
        case TEMPORARY_PASSWORD -> new Message("Your Klantportaal account",
            page("Welcome,", "An account was created for you. Username: " + usernamePlaceholder
                + "<br>Temporary password:" + code + "<p>At your first sign-in you choose your own password "
                + "and set up two-factor authentication.</p>"));
      };
      case DE -> switch (kind) {
        case SIGN_UP_CODE -> new Message("Ihr Bestätigungscode für das Klantportaal",
            page("Guten Tag " + name + ",", "Mit diesem Code bestätigen Sie Ihre E-Mail-Adresse:" + code
                + "<p>Der Code ist 24 Stunden gültig. Sie haben kein Konto angelegt? Dann ignorieren Sie diese E-Mail.</p>"));
        case PASSWORD_RESET_CODE -> new Message("Passwort für das Klantportaal zurücksetzen",
            page("Guten Tag " + name + ",", "Mit diesem Code legen Sie ein neues Passwort fest:" + code
                + "<p>Sie haben dies nicht angefordert? Dann bleibt Ihr Passwort unverändert.</p>"));
        case EMAIL_CHANGE_CODE -> new Message("Bestätigen Sie Ihre neue E-Mail-Adresse",
            page("Guten Tag " + name + ",", "Mit diesem Code bestätigen Sie Ihre neue E-Mail-Adresse:" + code));
        case TEMPORARY_PASSWORD -> new Message("Ihr Konto für das Klantportaal",
            page("Willkommen,", "Für Sie wurde ein Konto angelegt. Benutzername: " + usernamePlaceholder
                + "<br>Vorläufiges Passwort:" + code + "<p>Bei der ersten Anmeldung wählen Sie ein eigenes Passwort "
                + "und richten die Zwei-Faktor-Authentifizierung ein.</p>"));
      };
    };
  }

  private static String page(String greeting, String body) {
    return "<html><body style=\"font-family:Arial,sans-serif\"><p>" + greeting + "</p><p>" + body + "</p>"
        + "<p>Klantportaal</p></body></html>";
  }

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
