package nl.klantportaal.identity.adapter.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.EmailChangeNotice;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The e-mail-change notice as a mail to the old address, in the account's language (nl, en, de): when the sign-in
 * address changed (a moment on the Amsterdam clock with its zone, {@link MailDates#moment}), to which address (masked,
 * {@link EmailChangeNotice#mask}), what to do if the reader did not make the change (contact the service desk at
 * once: reply, or write to the support address), and that this security notice comes whatever the mail preferences.
 * It carries no link at all, so nothing in it signs anyone in. Plain text and the same paragraphs as simple HTML
 * ({@link ParagraphMail}: every text escaped).
 *
 * <p>It lives with the identity function's outbox adapter rather than in the accounts context because it is written
 * with the notifications context's mail dates and paragraphs, and the accounts module cannot depend on that context
 * (the notifications context reads the accounts' profiles).
 */
public final class EmailChangedMail {
  private EmailChangedMail() {}

  /**
   * The mail for {@code notice}; {@code supportAddress} is the bare address of the service desk's mailbox (the
   * Reply-To every mail carries, {@code REPLY_TO_ADDRESS}): without one the mail says to contact the service desk
   * and not to reply, since the sender address receives nothing.
   */
  public static ParagraphMail render(EmailChangeNotice notice, Optional<String> supportAddress) {
    String when = MailDates.moment(notice.changedAt(), notice.language());
    String to = notice.maskedNewAddress();
    String name = notice.name();
    List<String> paragraphs = new ArrayList<>();
    return switch (notice.language()) {
      case NL -> {
        paragraphs.add("Beste " + name + ",");
        paragraphs.add("Het e-mailadres waarmee u inlogt op uw account in het Klantportaal is op " + when
            + " gewijzigd in " + to + ". Wij sturen dit bericht naar uw vorige adres, zodat u het weet als u dit niet"
            + " zelf heeft gedaan.");
        paragraphs.add(supportAddress
            .map(a -> "Heeft u dit niet zelf gedaan? Neem dan direct contact op met onze servicedesk: beantwoord deze"
                + " e-mail of schrijf naar " + a + ".")
            .orElse("Heeft u dit niet zelf gedaan? Neem dan direct contact op met onze servicedesk."));
        paragraphs.add("Heeft u het wel zelf gedaan? Dan hoeft u niets te doen.");
        paragraphs.add("Dit is een beveiligingsbericht: u ontvangt het ook als u e-mail in het portaal heeft uitgezet.");
        paragraphs.add("Met vriendelijke groet,\nKlantportaal");
        yield new ParagraphMail("Het e-mailadres van uw account in het Klantportaal is gewijzigd", paragraphs);
      }
      case EN -> {
        paragraphs.add("Dear " + name + ",");
        paragraphs.add("The e-mail address you sign in to your Klantportaal account with was changed on " + when
            + " to " + to + ". We send this message to your previous address so that you know if you did not make"
            + " this change yourself.");
        paragraphs.add(supportAddress
            .map(a -> "Did you not make this change? Contact our service desk straight away: reply to this e-mail or"
                + " write to " + a + ".")
            .orElse("Did you not make this change? Contact our service desk straight away."));
        paragraphs.add("Did you make it yourself? Then there is nothing you need to do.");
        paragraphs.add("This is a security notice: you receive it even if you switched off e-mail in the portal.");
        paragraphs.add("Kind regards,\nKlantportaal");
        yield new ParagraphMail("The e-mail address of your Klantportaal account was changed", paragraphs);
      }
      case DE -> {
        paragraphs.add("Guten Tag " + name + ",");
        paragraphs.add("Die E-Mail-Adresse, mit der Sie sich bei Ihrem Konto im Klantportaal anmelden, wurde am "
            + when + " in " + to + " geändert. Wir senden diese Nachricht an Ihre bisherige Adresse, damit Sie es"
            + " erfahren, falls Sie die Änderung nicht selbst vorgenommen haben.");
        paragraphs.add(supportAddress
            .map(a -> "Sie haben die Änderung nicht selbst vorgenommen? Wenden Sie sich bitte sofort an unseren"
                + " Servicedesk: Antworten Sie auf diese E-Mail oder schreiben Sie an " + a + ".")
            .orElse("Sie haben die Änderung nicht selbst vorgenommen? Wenden Sie sich bitte sofort an unseren Servicedesk."));
        paragraphs.add("Sie haben sie selbst vorgenommen? Dann müssen Sie nichts tun.");
        paragraphs.add("Dies ist eine Sicherheitsbenachrichtigung: Sie erhalten sie auch, wenn Sie E-Mails im Portal"
            + " abgeschaltet haben.");
        paragraphs.add("Mit freundlichen Grüßen\nKlantportaal");
        yield new ParagraphMail("Die E-Mail-Adresse Ihres Kontos im Klantportaal wurde geändert", paragraphs);
      }
    };
  }

  /** The bare address of a mailbox written with its name ({@code "Klantportaal support <support@example.test>"}). */
  public static String bareAddress(String mailbox) {
    return mailbox.replaceAll("^.*<|>\\s*$", "").strip();
  }
}
