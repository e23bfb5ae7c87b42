package nl.klantportaal.inboundmail.domain;

import java.util.List;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The reply to mail from an address the portal does not know, or whose account waits to be linked:
 * in Dutch, English and German in one message (the sender's language is not known), saying that
 * the message is kept for the service desk and how to register. Never the message's content.
 */
public final class SenderUnknownMail {
  private SenderUnknownMail() {}

  public static final String SUBJECT = "Uw e-mail aan de servicedesk / Your e-mail to the service desk / Ihre E-Mail an den Servicedesk";

  /** Plain text: the paragraphs, a blank line apart. */
  public static String text(String portalOrigin) {
    return String.join("\n\n", paragraphs(portalOrigin)) + "\n";
  }

  /** The same as simple HTML, the sign-up address a link ({@link ParagraphMail}). */
  public static String html(String portalOrigin) {
    return new ParagraphMail(SUBJECT, paragraphs(portalOrigin)).html();
  }

  public static List<String> paragraphs(String portalOrigin) {
    String signUp = portalOrigin + "/#/sign-up";
    return List.of(
        "Goedendag,",
        "Wij hebben uw e-mail ontvangen, maar dit adres hoort (nog) niet bij een account in ons klantportaal. "
            + "Daarom maken wij er niet vanzelf een ticket van; onze servicedesk bekijkt uw bericht. "
            + "Registreer u in het klantportaal om voortaan zelf tickets te maken en te volgen: " + signUp,
        "Hello,",
        "We received your e-mail, but this address does not (yet) belong to an account in our customer portal, "
            + "so it did not become a ticket by itself; our service desk will look at your message. "
            + "Register in the customer portal to raise and follow tickets yourself: " + signUp,
        "Guten Tag,",
        "Wir haben Ihre E-Mail erhalten, aber diese Adresse gehört (noch) zu keinem Konto in unserem Kundenportal. "
            + "Daher wurde daraus nicht automatisch ein Ticket; unser Servicedesk sieht sich Ihre Nachricht an. "
            + "Registrieren Sie sich im Kundenportal, um Tickets selbst zu erstellen und zu verfolgen: " + signUp,
        "Klantportaal");
  }
}
