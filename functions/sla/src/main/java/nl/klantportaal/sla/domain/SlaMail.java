package nl.klantportaal.sla.domain;

import java.time.Instant;
import nl.klantportaal.accounts.identity.domain.AccountMail;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.TicketMail;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The breach scan's mails in Dutch, English or German, plain text and HTML: an 80 % warning or a
 * breach (to provider staff or an on-call address) and, to the customer, a reminder of an open
 * question or the news that the priority was lowered. Subjects carry {@code [#<token>]} like every
 * ticket mail; the ticket title is escaped in HTML and kept on one line in the subject. Deadlines are
 * shown on the Amsterdam clock in words, with the zone named ({@link MailDates#moment}).
 */
public final class SlaMail {
  /** What the mail is about. */
  public record About(String token, String title, Priority priority, TargetKind target, Instant dueAt) {}

  private SlaMail() {}

  /** {@code recipientName}: a person's name, or blank for an address of no one in particular (the on-call address). */
  public static TicketMail.Rendered render(MailKind kind, Language language, About about, String recipientName,
      String portalOrigin) {
    String ref = "[#" + about.token() + "]";
    String due = MailDates.moment(about.dueAt(), language);
    String target = target(language, about.target());
    String priority = about.priority().label(language);
    String[] t = switch (kind) {
      case SLA_WARNING -> switch (language) {
        case NL -> new String[] {"SLA-waarschuwing", "80% van de " + target + "tijd is verstreken (" + priority
            + "); de deadline is " + due + "."};
        case EN -> new String[] {"SLA warning", "80% of the " + target + " time has passed (" + priority
            + "); the deadline is " + due + "."};
        case DE -> new String[] {"SLA-Warnung", "80 % der " + target + "szeit sind verstrichen (" + priority
            + "); die Frist endet am " + due + "."};
      };
      case SLA_BREACH -> switch (language) {
        case NL -> new String[] {"SLA overschreden", "De " + target + "tijd (" + priority + ") is overschreden sinds "
            + due + "."};
        case EN -> new String[] {"SLA breached", "The " + target + " time (" + priority + ") was breached on " + due + "."};
        case DE -> new String[] {"SLA verletzt", "Die " + target + "szeit (" + priority + ") ist seit " + due
            + " überschritten."};
      };
      case SLA_REMINDER -> switch (language) {
        case NL -> new String[] {"Herinnering", "We wachten nog op uw antwoord. Wilt u reageren in het portaal?"};
        case EN -> new String[] {"Reminder", "We are still waiting for your answer. Please reply in the portal."};
        case DE -> new String[] {"Erinnerung", "Wir warten noch auf Ihre Antwort. Bitte antworten Sie im Portal."};
      };
      case SLA_PRIORITY_DROP -> switch (language) {
        case NL -> new String[] {"Prioriteit verlaagd", "Omdat we geen antwoord ontvingen, is de prioriteit verlaagd naar "
            + priority + "."};
        case EN -> new String[] {"Priority lowered", "As we received no answer, the priority was lowered to " + priority
            + "."};
        case DE -> new String[] {"Priorität gesenkt", "Da wir keine Antwort erhalten haben, wurde die Priorität auf "
            + priority + " gesenkt."};
      };
      case SLA_ON_CALL -> switch (language) {
        case NL -> new String[] {"Storingsdienst: nieuw kritiek ticket", "Buiten kantooruren is een kritiek ticket binnengekomen ("
            + priority + "); de " + target + "tijd loopt af op " + due + "."};
        case EN -> new String[] {"On call: new critical ticket", "A critical ticket came in outside office hours (" + priority
            + "); the " + target + " deadline is " + due + "."};
        case DE -> new String[] {"Bereitschaft: neues kritisches Ticket", "Außerhalb der Geschäftszeiten ist ein kritisches "
            + "Ticket eingegangen (" + priority + "); die " + target + "sfrist endet am " + due + "."};
      };
      default -> throw new IllegalArgumentException("Not an SLA mail: " + kind);
    };
    String greeting = recipientName.isBlank() ? switch (language) {
      case NL -> "Goedendag,";
      case EN -> "Hello,";
      case DE -> "Guten Tag,";
    } : switch (language) {
      case NL -> "Beste " + recipientName + ",";
      case EN -> "Dear " + recipientName + ",";
      case DE -> "Guten Tag " + recipientName + ",";
    };
    String open = switch (language) {
      case NL -> "Ticket openen";
      case EN -> "Open the ticket";
      case DE -> "Ticket öffnen";
    };
    String link = portalOrigin + "/#/tickets/" + about.token();
    String heading = ref + " " + about.title();
    String subject = oneLine(ref + " " + t[0] + ": " + about.title());
    String text = greeting + "\n\n" + heading + "\n\n" + t[1] + "\n\n" + open + "\n" + link + "\n";
    String html = "<html><body style=\"font-family:Arial,sans-serif\"><p>" + AccountMail.escape(greeting) + "</p><p>"
        + AccountMail.escape(heading) + "</p><p>" + AccountMail.escape(t[1]) + "</p><p><a href=\""
        + AccountMail.escape(link) + "\">" + AccountMail.escape(open) + "</a></p></body></html>";
    return new TicketMail.Rendered(subject, text, html);
  }

  private static String target(Language language, TargetKind target) {
    return switch (language) {
      case NL -> target == TargetKind.RESPONSE ? "reactie" : "oplos";
      case EN -> target == TargetKind.RESPONSE ? "response" : "resolution";
      case DE -> target == TargetKind.RESPONSE ? "Reaktion" : "Lösung";
    };
  }

  private static String oneLine(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString().strip();
  }
}
