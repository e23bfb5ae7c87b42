package nl.klantportaal.accounts.identity.domain;

import nl.klantportaal.core.shared.domain.Language;

/** Mails about a user's account security that the portal sends itself (not through Cognito). */
public final class SecurityNotice {
  private SecurityNotice() {}

  /** Support reset the user's two-factor authentication: the next sign-in asks for a new enrolment. */
  public static AccountMail.Message mfaReset(Language language, String displayName) {
    String name = AccountMail.escape(displayName);
    return switch (language) {
      case NL -> message("Uw tweestapsverificatie is opnieuw ingesteld",
          "Beste " + name + ",", "Op uw verzoek heeft onze support de tweestapsverificatie van uw account opnieuw "
              + "ingesteld. Bij de volgende keer inloggen koppelt u uw authenticator-app opnieuw.",
          "Heeft u dit niet aangevraagd? Neem dan direct contact op met onze support.");
      case EN -> message("Your two-factor authentication was reset",
          "Dear " + name + ",", "At your request our support reset the two-factor authentication of your account. "
              + "At your next sign-in you link your authenticator app again.",
          "Did not ask for this? Please contact our support straight away.");
      case DE -> message("Ihre Zwei-Faktor-Authentifizierung wurde zurückgesetzt",
          "Guten Tag " + name + ",", "Auf Ihren Wunsch hat unser Support die Zwei-Faktor-Authentifizierung Ihres "
              + "Kontos zurückgesetzt. Bei der nächsten Anmeldung verknüpfen Sie Ihre Authenticator-App erneut.",
          "Sie haben dies nicht angefordert? Wenden Sie sich bitte sofort an unseren Support.");
    };
  }

  private static AccountMail.Message message(String subject, String greeting, String body, String warning) {
    return new AccountMail.Message(subject, "<html><body style=\"font-family:Arial,sans-serif\"><p>" + greeting
        + "</p><p>" + body + "</p><p><strong>" + warning + "</strong></p><p>Klantportaal</p></body></html>");
  }

  /** The same text without markup, for the mail's plain-text part. */
  public static String plainText(AccountMail.Message message) {
    return message.html().replaceAll("<[^>]+>", "\n").replaceAll("\n{2,}", "\n\n").strip()
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
