package nl.klantportaal.identity.adapter.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.MfaResetNotice;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The MFA-reset notice as a mail to the account's address, in the account's language (nl, en, de): that the provider's
 * support reset the two-step verification (a moment on the Amsterdam clock with its zone, {@link MailDates#moment}),
 * that every session was ended and the next sign-in links an authenticator app again, what to do if the reader did not
 * ask for it (contact the service desk at once: reply, or write to the support address), and that this security notice
 * comes whatever the mail preferences. No link, as in {@link EmailChangedMail}, whose neighbour it is for the same
 * reason (it is written with the notifications context's dates and paragraphs).
 */
public final class MfaResetMail {
  private MfaResetMail() {}

  /** The mail for {@code notice}; {@code supportAddress} as in {@link EmailChangedMail#render}. */
  public static ParagraphMail render(MfaResetNotice notice, Optional<String> supportAddress) {
    String when = MailDates.moment(notice.resetAt(), notice.language());
    String name = notice.name();
    List<String> paragraphs = new ArrayList<>();
    return switch (notice.language()) {
      case NL -> {
        paragraphs.add("Beste " + name + ",");
        paragraphs.add("Onze support heeft op " + when + " de tweestapsverificatie van uw account in het Klantportaal"
            + " opnieuw ingesteld en u overal afgemeld. Bij de volgende keer inloggen koppelt u uw authenticator-app"
            + " opnieuw.");
        paragraphs.add(supportAddress
            .map(a -> "Heeft u dit niet aangevraagd? Neem dan direct contact op met onze servicedesk: beantwoord deze"
                + " e-mail of schrijf naar " + a + ".")
            .orElse("Heeft u dit niet aangevraagd? Neem dan direct contact op met onze servicedesk."));
        paragraphs.add("Dit is een beveiligingsbericht: u ontvangt het ook als u e-mail in het portaal heeft uitgezet.");
        paragraphs.add("Met vriendelijke groet,\nKlantportaal");
        yield new ParagraphMail("Uw tweestapsverificatie is opnieuw ingesteld", paragraphs);
      }
      case EN -> {
        paragraphs.add("Dear " + name + ",");
        paragraphs.add("On " + when + " our support reset the two-factor authentication of your Klantportaal account"
            + " and signed you out everywhere. At your next sign-in you link your authenticator app again.");
        paragraphs.add(supportAddress
            .map(a -> "Did you not ask for this? Contact our service desk straight away: reply to this e-mail or write"
                + " to " + a + ".")
            .orElse("Did you not ask for this? Contact our service desk straight away."));
        paragraphs.add("This is a security notice: you receive it even if you switched off e-mail in the portal.");
        paragraphs.add("Kind regards,\nKlantportaal");
        yield new ParagraphMail("Your two-factor authentication was reset", paragraphs);
      }
      case DE -> {
        paragraphs.add("Guten Tag " + name + ",");
        paragraphs.add("Unser Support hat am " + when + " die Zwei-Faktor-Authentifizierung Ihres Kontos im"
            + " Klantportaal zurückgesetzt und Sie überall abgemeldet. Bei der nächsten Anmeldung verknüpfen Sie Ihre"
            + " Authenticator-App erneut.");
        paragraphs.add(supportAddress
            .map(a -> "Sie haben dies nicht angefordert? Wenden Sie sich bitte sofort an unseren Servicedesk: Antworten"
                + " Sie auf diese E-Mail oder schreiben Sie an " + a + ".")
            .orElse("Sie haben dies nicht angefordert? Wenden Sie sich bitte sofort an unseren Servicedesk."));
        paragraphs.add("Dies ist eine Sicherheitsbenachrichtigung: Sie erhalten sie auch, wenn Sie E-Mails im Portal"
            + " abgeschaltet haben.");
        paragraphs.add("Mit freundlichen Grüßen\nKlantportaal");
        yield new ParagraphMail("Ihre Zwei-Faktor-Authentifizierung wurde zurückgesetzt", paragraphs);
      }
    };
  }
}
