package nl.klantportaal.notifications.domain;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountMail;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.ticketing.domain.TicketStatus;

/**
 * The text of a ticket mail in Dutch, English or German, as plain text and as HTML. The subject is
 * {@code [#<token>] <kind>: <title>} so replies can be matched to the ticket. Every text a person
 * wrote (title, description, message, names) is HTML-escaped in the HTML part and stripped of line
 * breaks in the subject. Links go to the portal, never straight to an action: the resolved mail's
 * link opens a signed-in page whose buttons POST the acceptance or rejection, so a mail scanner
 * that follows the link changes nothing. The one-click links ({@link ActionLinks}) likewise open a
 * portal page that shows what will happen; only its button acts.
 */
public final class TicketMail {

  public record Rendered(String subject, String text, String html) {}

  /** What the mail says beyond the ticket: the reply (author and body) or the previous status. */
  /** {@code nextStatus}: the status a message's change moved to (the ticket read later may have moved on). */
  public record Details(Optional<String> authorName, Optional<String> body, Optional<TicketStatus> previousStatus,
      Optional<TicketStatus> nextStatus) {
    public static final Details NONE = new Details(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public static Details of(TicketChange change) {
      return switch (change) {
        case TicketChange.Created c -> new Details(Optional.empty(),
            Optional.of(c.ticket().description()).filter(d -> !d.isBlank()), Optional.empty(), Optional.empty());
        case TicketChange.PublicMessage m -> new Details(Optional.of(m.authorName()), Optional.of(m.body()),
            m.move().map(TicketChange.StatusMove::from), m.move().map(TicketChange.StatusMove::to));
        case TicketChange.StatusChanged s -> new Details(Optional.empty(), Optional.empty(), Optional.of(s.from()),
            Optional.of(s.to()));
        case TicketChange.Approved a -> NONE;
      };
    }
  }

  /**
   * The one-click links of one recipient's mail (portal pages that show what will happen and act
   * only on their button): accept and reject in the resolved mail, the rating in the closed mail
   * (the page for score n is {@code rate + "/" + n}).
   */
  public record ActionLinks(Optional<String> accept, Optional<String> reject, Optional<String> rate) {
    public static final ActionLinks NONE = new ActionLinks(Optional.empty(), Optional.empty(), Optional.empty());
  }

  private TicketMail() {}

  public static Rendered render(MailKind kind, Language language, TicketSnapshot ticket, Details details,
      Recipient recipient, String portalOrigin) {
    return render(kind, language, ticket, details, recipient, portalOrigin, ActionLinks.NONE);
  }

  public static Rendered render(MailKind kind, Language language, TicketSnapshot ticket, Details details,
      Recipient recipient, String portalOrigin, ActionLinks links) {
    if (kind.isSla()) {
      throw new IllegalArgumentException("SLA mails are rendered by SlaMail, not as ticket changes: " + kind);
    }
    Texts t = Texts.of(language);
    String ref = "[#" + ticket.token() + "]";
    String subject = oneLine(ref + " " + t.kind(kind) + ": " + ticket.title());
    String ticketLink = portalOrigin + "/#/tickets/" + ticket.token();
    String resolutionLink = ticketLink + "/resolution";

    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body style=\"font-family:Arial,sans-serif\">");
    paragraph(text, html, t.greeting(recipient.displayName()));
    String title = ref + " " + ticket.title();
    String lead = switch (kind) {
      case CREATED -> t.created(title);
      case REPLY -> t.reply(details.authorName().orElse(""), title);
      case STATUS_CHANGED -> t.statusChanged(title, t.status(details.previousStatus().orElse(ticket.status())),
          t.status(details.nextStatus().orElse(ticket.status())));
      case RESOLVED -> t.resolved(title);
      case CLOSED -> t.closed(title);
      case APPROVAL_REQUESTED -> t.approvalRequested(title);
      case APPROVED -> t.approved(title);
      case SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP, SLA_ON_CALL, HOURS, REPORT, SENDER_UNKNOWN, FOLLOW_UP_CREATED, TICKET_RECEIVED, INVOICE,
            NOTICE, EMAIL_CHANGED, MFA_RESET ->
          throw new IllegalArgumentException(kind.name());
    };
    paragraph(text, html, lead);
    details.body().ifPresent(body -> {
      text.append(quote(body)).append("\n\n");
      html.append("<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:12px;white-space:pre-wrap\">")
          .append(AccountMail.escape(body)).append("</blockquote>");
    });
    if (kind == MailKind.REPLY && details.previousStatus().isPresent() && details.nextStatus().isPresent()) {
      paragraph(text, html, t.statusChanged(title, t.status(details.previousStatus().get()),
          t.status(details.nextStatus().get())));
    }
    if (kind == MailKind.RESOLVED && !recipient.agent()) {
      text.append(t.resolvedAction()).append("\n").append(resolutionLink).append("\n\n");
      html.append("<p>").append(AccountMail.escape(t.resolvedAction())).append("<br><a href=\"")
          .append(AccountMail.escape(resolutionLink)).append("\">").append(AccountMail.escape(t.resolvedButton()))
          .append("</a></p>");
      if (links.accept().isPresent() && links.reject().isPresent()) {
        text.append(t.oneClick()).append("\n").append(t.accept()).append(": ").append(links.accept().get()).append("\n")
            .append(t.reject()).append(": ").append(links.reject().get()).append("\n\n");
        html.append("<p>").append(AccountMail.escape(t.oneClick())).append("<br>");
        link(html, links.accept().get(), t.accept());
        html.append(" &nbsp; ");
        link(html, links.reject().get(), t.reject());
        html.append("</p>");
      }
    }
    if (kind == MailKind.APPROVAL_REQUESTED) {
      paragraph(text, html, t.approvalAction());
    }
    if (kind == MailKind.CLOSED) {
      links.rate().filter(rate -> !recipient.agent()).ifPresent(rate -> {
        text.append(t.rate()).append("\n");
        html.append("<p>").append(AccountMail.escape(t.rate())).append("<br>");
        for (int score = 1; score <= 5; score++) {
          text.append(score).append(" - ").append(t.score(score)).append(": ").append(rate).append("/").append(score)
              .append("\n");
          link(html, rate + "/" + score, score + " " + t.score(score));
          html.append(score < 5 ? " &nbsp; " : "");
        }
        text.append("\n");
        html.append("</p>");
      });
      paragraph(text, html, t.followUp());
    }
    text.append(t.open()).append("\n").append(ticketLink).append("\n\n");
    html.append("<p><a href=\"").append(AccountMail.escape(ticketLink)).append("\">").append(AccountMail.escape(t.open()))
        .append("</a></p>");
    String preferences = portalOrigin + "/#/account";
    String footer = footer(t, ticket, recipient);
    text.append(footer).append("\n").append(preferences).append("\n");
    html.append("<p style=\"color:#666;font-size:12px\">").append(AccountMail.escape(footer)).append(" ");
    link(html, preferences, preferences);
    html.append("</p></body></html>");
    return new Rendered(subject, text.toString(), html.toString());
  }

  /**
   * Why the recipient gets the mail, and where they switch it off (staff set their e-mail preferences on the
   * same account page): a customer because they are involved in the ticket; provider staff as its assignee,
   * or as the service desk while nobody is assigned (RecipientRules mails every staff account then).
   */
  private static String footer(Texts t, TicketSnapshot ticket, Recipient recipient) {
    if (!recipient.agent()) {
      return t.footer();
    }
    StaffReason reason = ticket.assignee().isEmpty() ? StaffReason.UNASSIGNED
        : ticket.assignee().get().equals(recipient.id()) ? StaffReason.ASSIGNEE : StaffReason.STAFF;
    return t.staffFooter(reason);
  }

  /** Why a staff member gets a ticket mail: it is assigned to them, to nobody yet, or (read later) to someone else. */
  private enum StaffReason { ASSIGNEE, UNASSIGNED, STAFF }

  /**
   * The kind labels ticket mail subjects carry after the token, in every language ("Gesloten", "Closed", "Geschlossen",
   * ...): inbound mail strips "[#token] <label>: " from a reply's subject when the reply becomes a new ticket.
   */
  public static java.util.Set<String> subjectLabels() {
    java.util.Set<String> labels = new java.util.LinkedHashSet<>();
    for (Language language : Language.values()) {
      for (MailKind kind : MailKind.values()) {
        if (switch (kind) {
          case CREATED, REPLY, STATUS_CHANGED, RESOLVED, CLOSED, APPROVAL_REQUESTED, APPROVED -> true;
          default -> false;
        }) {
          labels.add(Texts.of(language).kind(kind));
        }
      }
    }
    return java.util.Collections.unmodifiableSet(labels);
  }

  private static void link(StringBuilder html, String href, String label) {
    html.append("<a href=\"").append(AccountMail.escape(href)).append("\">").append(AccountMail.escape(label)).append("</a>");
  }

  private static void paragraph(StringBuilder text, StringBuilder html, String value) {
    text.append(value).append("\n\n");
    html.append("<p>").append(AccountMail.escape(value)).append("</p>");
  }

  private static String quote(String body) {
    return "> " + body.replace("\r\n", "\n").replace("\n", "\n> ");
  }

  /** Subjects are one line: CR, LF and other control characters become spaces. */
  static String oneLine(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString().strip();
  }

  private interface Texts {
    String kind(MailKind kind);
    String greeting(String name);
    String created(String title);
    String reply(String author, String title);
    String statusChanged(String title, String from, String to);
    String resolved(String title);
    String resolvedAction();
    String resolvedButton();
    String oneClick();
    String accept();
    String reject();
    String rate();
    String score(int score);
    String closed(String title);
    String approvalRequested(String title);
    String approved(String title);
    String approvalAction();
    String followUp();
    String open();
    String footer();
    String staffFooter(StaffReason reason);
    String status(TicketStatus status);

    static Texts of(Language language) {
      return switch (language) {
        case NL -> new Dutch();
        case EN -> new English();
        case DE -> new German();
      };
    }
  }

  private static final class Dutch implements Texts {
    public String kind(MailKind kind) {
      return switch (kind) {
        case CREATED -> "Nieuw ticket";
        case REPLY -> "Nieuwe reactie";
        case STATUS_CHANGED -> "Status gewijzigd";
        case RESOLVED -> "Opgelost";
        case CLOSED -> "Gesloten";
        case APPROVAL_REQUESTED -> "Goedkeuring gevraagd";
        case APPROVED -> "Goedgekeurd";
        case SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP, SLA_ON_CALL, HOURS, REPORT, SENDER_UNKNOWN, FOLLOW_UP_CREATED, TICKET_RECEIVED, INVOICE,
            NOTICE, EMAIL_CHANGED, MFA_RESET ->
            kind.name();
      };
    }
    public String greeting(String name) { return "Beste " + name + ","; }
    public String created(String title) { return "Er is een ticket aangemaakt: " + title; }
    public String reply(String author, String title) { return author + " heeft gereageerd op " + title + ":"; }
    public String statusChanged(String title, String from, String to) {
      return "De status van " + title + " is gewijzigd van " + from + " naar " + to + ".";
    }
    public String resolved(String title) { return title + " is opgelost."; }
    public String resolvedAction() {
      return "Klopt de oplossing? Accepteer of wijs de oplossing af in het portaal (u logt eerst in):";
    }
    public String resolvedButton() { return "Oplossing beoordelen"; }
    public String oneClick() {
      return "Of zonder in te loggen (de link toont eerst wat er gebeurt; hij werkt 7 dagen en één keer):";
    }
    public String accept() { return "Oplossing accepteren"; }
    public String reject() { return "Oplossing afwijzen"; }
    public String rate() { return "Hoe tevreden bent u over de afhandeling? Eén klik volstaat (u kunt er een toelichting bij geven):"; }
    public String score(int score) {
      return List.of("zeer ontevreden", "ontevreden", "neutraal", "tevreden", "zeer tevreden").get(score - 1);
    }
    public String closed(String title) { return title + " is gesloten."; }
    public String approvalRequested(String title) {
      return "Een aanvraag van uw organisatie wacht op uw goedkeuring: " + title;
    }
    public String approved(String title) {
      return title + " is goedgekeurd: de servicedesk gaat ermee aan de slag (en de SLA loopt vanaf nu).";
    }
    public String approvalAction() {
      return "Pas na uw goedkeuring start de behandeling (en loopt de SLA). Keur de aanvraag goed of wijs hem af in het portaal:";
    }
    public String followUp() {
      return "Heeft u hierover nog een vraag? Maak in het portaal een vervolgticket aan; een gesloten ticket kan niet worden heropend.";
    }
    public String open() { return "Ticket bekijken in het portaal"; }
    public String footer() {
      return "U ontvangt deze e-mail over een ticket waarbij u betrokken bent. Uw e-mailvoorkeuren wijzigt u in het portaal onder Mijn gegevens → E-mailvoorkeuren:";
    }
    public String staffFooter(StaffReason reason) {
      return switch (reason) {
        case ASSIGNEE -> "U ontvangt deze e-mail als medewerker van de servicedesk, omdat dit ticket aan u is toegewezen.";
        case UNASSIGNED -> "U ontvangt deze e-mail als medewerker van de servicedesk, omdat dit ticket nog aan niemand is toegewezen.";
        case STAFF -> "U ontvangt deze e-mail als medewerker van de servicedesk.";
      } + " Uw e-mailvoorkeuren (Over mijn tickets) wijzigt u in het portaal onder Mijn gegevens → E-mailvoorkeuren:";
    }
    public String status(TicketStatus status) {
      return switch (status) {
        case NEW -> "nieuw";
        case OPEN -> "in behandeling";
        case WAITING_FOR_CUSTOMER -> "wacht op klant";
        case RESOLVED -> "opgelost";
        case CLOSED -> "gesloten";
      };
    }
  }

  private static final class English implements Texts {
    public String kind(MailKind kind) {
      return switch (kind) {
        case CREATED -> "New ticket";
        case REPLY -> "New reply";
        case STATUS_CHANGED -> "Status changed";
        case RESOLVED -> "Resolved";
        case CLOSED -> "Closed";
        case APPROVAL_REQUESTED -> "Approval requested";
        case APPROVED -> "Approved";
        case SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP, SLA_ON_CALL, HOURS, REPORT, SENDER_UNKNOWN, FOLLOW_UP_CREATED, TICKET_RECEIVED, INVOICE,
            NOTICE, EMAIL_CHANGED, MFA_RESET ->
            kind.name();
      };
    }
    public String greeting(String name) { return "Dear " + name + ","; }
    public String created(String title) { return "A ticket was created: " + title; }
    public String reply(String author, String title) { return author + " replied to " + title + ":"; }
    public String statusChanged(String title, String from, String to) {
      return "The status of " + title + " changed from " + from + " to " + to + ".";
    }
    public String resolved(String title) { return title + " has been resolved."; }
    public String resolvedAction() {
      return "Does the solution work for you? Accept or reject it in the portal (you sign in first):";
    }
    public String resolvedButton() { return "Review the solution"; }
    public String oneClick() {
      return "Or without signing in (the link first shows what will happen; it works for 7 days, once):";
    }
    public String accept() { return "Accept the solution"; }
    public String reject() { return "Reject the solution"; }
    public String rate() { return "How satisfied are you with how this was handled? One click is enough (you may add a comment):"; }
    public String score(int score) {
      return List.of("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied").get(score - 1);
    }
    public String closed(String title) { return title + " has been closed."; }
    public String approvalRequested(String title) {
      return "A request from your organisation awaits your approval: " + title;
    }
    public String approved(String title) {
      return title + " has been approved: the service desk takes it up (and the SLA runs from now).";
    }
    public String approvalAction() {
      return "Work starts (and the SLA runs) once you approve. Approve or reject the request in the portal:";
    }
    public String followUp() {
      return "Still a question about it? Create a follow-up ticket in the portal; a closed ticket cannot be reopened.";
    }
    public String open() { return "View the ticket in the portal"; }
    public String footer() {
      return "You receive this e-mail about a ticket you are involved in. Change your e-mail preferences in the portal under My account → E-mail preferences:";
    }
    public String staffFooter(StaffReason reason) {
      return switch (reason) {
        case ASSIGNEE -> "You receive this e-mail as service desk staff because this ticket is assigned to you.";
        case UNASSIGNED -> "You receive this e-mail as service desk staff because this ticket is not assigned to anyone yet.";
        case STAFF -> "You receive this e-mail as service desk staff.";
      } + " Change your e-mail preferences (About my tickets) in the portal under My account → E-mail preferences:";
    }
    public String status(TicketStatus status) {
      return switch (status) {
        case NEW -> "new";
        case OPEN -> "open";
        case WAITING_FOR_CUSTOMER -> "waiting for customer";
        case RESOLVED -> "resolved";
        case CLOSED -> "closed";
      };
    }
  }

  private static final class German implements Texts {
    public String kind(MailKind kind) {
      return switch (kind) {
        case CREATED -> "Neues Ticket";
        case REPLY -> "Neue Antwort";
        case STATUS_CHANGED -> "Status geändert";
        case RESOLVED -> "Gelöst";
        case CLOSED -> "Geschlossen";
        case APPROVAL_REQUESTED -> "Genehmigung angefragt";
        case APPROVED -> "Genehmigt";
        case SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP, SLA_ON_CALL, HOURS, REPORT, SENDER_UNKNOWN, FOLLOW_UP_CREATED, TICKET_RECEIVED, INVOICE,
            NOTICE, EMAIL_CHANGED, MFA_RESET ->
            kind.name();
      };
    }
    public String greeting(String name) { return "Guten Tag " + name + ","; }
    public String created(String title) { return "Ein Ticket wurde erstellt: " + title; }
    public String reply(String author, String title) { return author + " hat auf " + title + " geantwortet:"; }
    public String statusChanged(String title, String from, String to) {
      return "Der Status von " + title + " wurde von " + from + " auf " + to + " geändert.";
    }
    public String resolved(String title) { return title + " wurde gelöst."; }
    public String resolvedAction() {
      return "Passt die Lösung? Nehmen Sie sie im Portal an oder lehnen Sie sie ab (nach der Anmeldung):";
    }
    public String resolvedButton() { return "Lösung prüfen"; }
    public String oneClick() {
      return "Oder ohne Anmeldung (der Link zeigt zuerst, was geschieht; er gilt 7 Tage und einmal):";
    }
    public String accept() { return "Lösung annehmen"; }
    public String reject() { return "Lösung ablehnen"; }
    public String rate() { return "Wie zufrieden sind Sie mit der Bearbeitung? Ein Klick genügt (Sie können einen Kommentar hinzufügen):"; }
    public String score(int score) {
      return List.of("sehr unzufrieden", "unzufrieden", "neutral", "zufrieden", "sehr zufrieden").get(score - 1);
    }
    public String closed(String title) { return title + " wurde geschlossen."; }
    public String approvalRequested(String title) {
      return "Eine Anfrage Ihrer Organisation wartet auf Ihre Genehmigung: " + title;
    }
    public String approved(String title) {
      return title + " wurde genehmigt: der Servicedesk nimmt die Anfrage auf (und die SLA läuft ab jetzt).";
    }
    public String approvalAction() {
      return "Die Bearbeitung beginnt (und die SLA läuft) erst nach Ihrer Genehmigung. Genehmigen oder lehnen Sie die Anfrage im Portal ab:";
    }
    public String followUp() {
      return "Noch eine Frage dazu? Erstellen Sie im Portal ein Folgeticket; ein geschlossenes Ticket kann nicht wieder geöffnet werden.";
    }
    public String open() { return "Ticket im Portal ansehen"; }
    public String footer() {
      return "Sie erhalten diese E-Mail zu einem Ticket, an dem Sie beteiligt sind. Ihre E-Mail-Einstellungen ändern Sie im Portal unter Meine Daten → E-Mail-Einstellungen:";
    }
    public String staffFooter(StaffReason reason) {
      return switch (reason) {
        case ASSIGNEE -> "Sie erhalten diese E-Mail als Mitglied des Servicedesks, weil Ihnen dieses Ticket zugewiesen ist.";
        case UNASSIGNED -> "Sie erhalten diese E-Mail als Mitglied des Servicedesks, weil dieses Ticket noch niemandem zugewiesen ist.";
        case STAFF -> "Sie erhalten diese E-Mail als Mitglied des Servicedesks.";
      } + " Ihre E-Mail-Einstellungen (Zu meinen Tickets) ändern Sie im Portal unter Meine Daten → E-Mail-Einstellungen:";
    }
    public String status(TicketStatus status) {
      return switch (status) {
        case NEW -> "neu";
        case OPEN -> "in Bearbeitung";
        case WAITING_FOR_CUSTOMER -> "wartet auf Kunde";
        case RESOLVED -> "gelöst";
        case CLOSED -> "geschlossen";
      };
    }
  }
}
