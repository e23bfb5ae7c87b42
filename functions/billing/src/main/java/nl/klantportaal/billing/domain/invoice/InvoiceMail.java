package nl.klantportaal.billing.domain.invoice;

import java.util.List;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The invoice mails, from the provider's administrative sender, in nl, en and de: a new invoice (its
 * PDF attached), a payment reminder 7 and 21 days past the due date, and the seed's notice of a failed
 * direct debit ("Notificatie e-mail voor mislukte incasso"). A due date is written in words, as in every mail
 * ("15 december 2026", "December 15, 2026", "15. Dezember 2026"); the PDF keeps its own short form.
 */
public final class InvoiceMail {
  private InvoiceMail() {}

  public static ParagraphMail issued(Language language, String name, Invoice invoice, String provider, String link) {
    String number = invoice.number().orElseThrow().toString();
    String total = InvoiceTexts.euros(invoice.totals().total(), language);
    String due = MailDates.date(invoice.dueDate().orElseThrow(), language);
    boolean credit = invoice.kind() == Invoice.Kind.CREDIT;
    return switch (language) {
      case NL -> new ParagraphMail((credit ? "Creditfactuur " : "Factuur ") + number + " van " + provider, List.of(
          "Beste " + name + ",",
          credit ? "Bijgaand vindt u creditfactuur " + number + " van " + total + ", ter correctie van factuur "
              + invoice.credits().orElseThrow().number() + "."
              : "Bijgaand vindt u factuur " + number + " van " + total + ", te voldoen vóór " + due + ".",
          "U vindt al uw facturen ook in het klantportaal: " + link, "Met vriendelijke groet,\n" + provider + " administratie"));
      case EN -> new ParagraphMail((credit ? "Credit invoice " : "Invoice ") + number + " from " + provider, List.of(
          "Dear " + name + ",",
          credit ? "Attached is credit invoice " + number + " of " + total + ", correcting invoice "
              + invoice.credits().orElseThrow().number() + "."
              : "Attached is invoice " + number + " of " + total + ", due by " + due + ".",
          "All your invoices are also in the customer portal: " + link, "Kind regards,\n" + provider + " accounts"));
      case DE -> new ParagraphMail((credit ? "Rechnungskorrektur " : "Rechnung ") + number + " von " + provider, List.of(
          germanGreeting(name),
          credit ? "Anbei erhalten Sie die Rechnungskorrektur " + number + " über " + total + " zur Korrektur der Rechnung "
              + invoice.credits().orElseThrow().number() + "."
              : "Anbei erhalten Sie die Rechnung " + number + " über " + total + ", zahlbar bis " + due + ".",
          "Alle Rechnungen finden Sie auch im Kundenportal: " + link, "Mit freundlichen Grüßen\n" + provider + " Buchhaltung"));
    };
  }

  public static ParagraphMail reminder(Language language, String name, Invoice invoice, int daysLate, String provider,
      String link) {
    String number = invoice.number().orElseThrow().toString();
    String total = InvoiceTexts.euros(invoice.totals().total(), language);
    String due = MailDates.date(invoice.dueDate().orElseThrow(), language);
    return switch (language) {
      case NL -> new ParagraphMail("Betalingsherinnering factuur " + number, List.of("Beste " + name + ",",
          "Volgens onze administratie staat factuur " + number + " van " + total + " nog open. De vervaldatum was " + due
              + " (" + daysLate + " dagen geleden).",
          "Wilt u het bedrag zo spoedig mogelijk overmaken? Heeft u al betaald, dan kunt u deze herinnering als niet verzonden "
              + "beschouwen. De factuur vindt u in het klantportaal: " + link,
          "Met vriendelijke groet,\n" + provider + " administratie"));
      case EN -> new ParagraphMail("Payment reminder, invoice " + number, List.of("Dear " + name + ",",
          "According to our records, invoice " + number + " of " + total + " is still open. It was due on " + due + " ("
              + daysLate + " days ago).",
          "Please pay it as soon as possible. If you have already paid, please disregard this reminder. The invoice is in the "
              + "customer portal: " + link,
          "Kind regards,\n" + provider + " accounts"));
      case DE -> new ParagraphMail("Zahlungserinnerung Rechnung " + number, List.of(germanGreeting(name),
          "Laut unserer Buchhaltung ist die Rechnung " + number + " über " + total + " noch offen. Sie war am " + due
              + " fällig (vor " + daysLate + " Tagen).",
          "Bitte überweisen Sie den Betrag baldmöglichst. Haben Sie bereits bezahlt, betrachten Sie diese Erinnerung bitte als "
              + "gegenstandslos. Die Rechnung finden Sie im Kundenportal: " + link,
          "Mit freundlichen Grüßen\n" + provider + " Buchhaltung"));
    };
  }

  /** The seed's subject in Dutch: "Notificatie e-mail voor mislukte incasso". */
  public static ParagraphMail collectionFailed(Language language, String name, Invoice invoice, String provider, String link) {
    String number = invoice.number().orElseThrow().toString();
    String total = InvoiceTexts.euros(invoice.totals().total(), language);
    return switch (language) {
      case NL -> new ParagraphMail("Notificatie e-mail voor mislukte incasso", List.of("Beste " + name + ",",
          "De automatische incasso van factuur " + number + " (" + total + ") is mislukt, bijvoorbeeld door onvoldoende saldo "
              + "of een storno.",
          "Wilt u het bedrag overmaken, of laten weten wanneer we de incasso opnieuw mogen uitvoeren? De factuur vindt u in het "
              + "klantportaal: " + link,
          "Met vriendelijke groet,\n" + provider + " administratie"));
      case EN -> new ParagraphMail("Notification e-mail for a failed direct debit", List.of("Dear " + name + ",",
          "The direct debit for invoice " + number + " (" + total + ") failed, for example because of insufficient funds or a "
              + "reversal.",
          "Please transfer the amount, or let us know when we may collect it again. The invoice is in the customer portal: " + link,
          "Kind regards,\n" + provider + " accounts"));
      case DE -> new ParagraphMail("Benachrichtigung über eine fehlgeschlagene Lastschrift", List.of(germanGreeting(name),
          "Die Lastschrift für die Rechnung " + number + " (" + total + ") ist fehlgeschlagen, etwa wegen fehlender Deckung oder "
              + "einer Rückbuchung.",
          "Bitte überweisen Sie den Betrag oder teilen Sie uns mit, wann wir erneut einziehen dürfen. Die Rechnung finden Sie im "
              + "Kundenportal: " + link,
          "Mit freundlichen Grüßen\n" + provider + " Buchhaltung"));
    };
  }

  /** "Guten Tag Anna," or, for a billing contact without a name, "Guten Tag,". */
  private static String germanGreeting(String name) {
    return name.isBlank() ? "Guten Tag," : "Guten Tag " + name + ",";
  }
}
