package nl.klantportaal.inboundmail.domain;

import java.util.List;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The sender hears what their mail became, in their language, with the ticket's link; their own mail
 * otherwise brings them no mail (the portal never mails the author of a change): a new ticket
 * ({@link #received}: its number, so they can refer to it, and its token in the subject, so a reply
 * to this mail lands on it), or, for a reply to a closed ticket, a new ticket linked to it (a closed
 * ticket is never reopened; {@link #render}).
 */
public final class FollowUpMail {
  private FollowUpMail() {}

  public record Rendered(String subject, List<String> paragraphs) {
    public String text() {
      return String.join("\n\n", paragraphs) + "\n";
    }

    /** The same paragraphs as simple HTML: escaped, a line break kept, the ticket's address a link ({@link ParagraphMail}). */
    public String html() {
      return new ParagraphMail(subject, paragraphs).html();
    }
  }

  /**
   * {@code token}: the ticket's token ({@code acme-12}), which mail subjects carry; {@code number}: its
   * number as customers see it; {@code link}: its page.
   */
  public static Rendered received(Language language, String name, String token, long number, String title, String link) {
    return switch (language) {
      case NL -> new Rendered("[#" + token + "] Uw melding is ontvangen: " + title, List.of("Beste " + name + ",",
          "Wij hebben uw e-mail ontvangen en er ticket #" + number + " van gemaakt. Wilt u iets aanvullen, beantwoord dan "
              + "deze e-mail; uw antwoord komt bij het ticket.",
          "U volgt het hier: " + link, "Met vriendelijke groet,\nde servicedesk"));
      case EN -> new Rendered("[#" + token + "] We received your request: " + title, List.of("Dear " + name + ",",
          "We received your e-mail and made it ticket #" + number + ". To add something, reply to this e-mail; your reply "
              + "goes to the ticket.",
          "Follow it here: " + link, "Kind regards,\nthe service desk"));
      case DE -> new Rendered("[#" + token + "] Ihre Anfrage ist eingegangen: " + title, List.of("Guten Tag " + name + ",",
          "Wir haben Ihre E-Mail erhalten und daraus das Ticket #" + number + " gemacht. Möchten Sie etwas ergänzen, "
              + "antworten Sie auf diese E-Mail; Ihre Antwort kommt zum Ticket.",
          "Sie verfolgen es hier: " + link, "Mit freundlichen Grüßen\nder Servicedesk"));
    };
  }

  /**
   * {@code closed} and {@code created}: the tickets' numbers as customers see them; {@code token}: the new ticket's
   * token, in the subject so that a reply lands on it; {@code link}: its page.
   */
  public static Rendered render(Language language, String name, long closed, String token, long created, String title,
      String link) {
    return switch (language) {
      case NL -> new Rendered("[#" + token + "] Uw e-mail is vervolgticket #" + created + " geworden: " + title, List.of("Beste " + name + ",",
          "Ticket #" + closed + " was al gesloten en kan niet worden heropend. Daarom hebben wij van uw e-mail een nieuw ticket "
              + "gemaakt, #" + created + ", dat naar #" + closed + " verwijst.",
          "U volgt het hier: " + link, "Met vriendelijke groet,\nde servicedesk"));
      case EN -> new Rendered("[#" + token + "] Your e-mail became follow-up ticket #" + created + ": " + title, List.of("Dear " + name + ",",
          "Ticket #" + closed + " was already closed and cannot be reopened, so your e-mail became a new ticket, #" + created
              + ", which refers to #" + closed + ".",
          "Follow it here: " + link, "Kind regards,\nthe service desk"));
      case DE -> new Rendered("[#" + token + "] Ihre E-Mail wurde zum Folgeticket #" + created + ": " + title, List.of("Guten Tag " + name + ",",
          "Ticket #" + closed + " war bereits geschlossen und kann nicht wieder geöffnet werden. Aus Ihrer E-Mail wurde daher ein "
              + "neues Ticket, #" + created + ", das auf #" + closed + " verweist.",
          "Sie verfolgen es hier: " + link, "Mit freundlichen Grüßen\nder Servicedesk"));
    };
  }
}
