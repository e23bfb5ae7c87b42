package nl.klantportaal.billing.domain;

import java.time.LocalDate;
import java.util.List;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.ParagraphMail;

/** The billing mails (hours, subscriptions) to a customer's admins, in nl, en and de: plain text and the same as simple HTML. */
public final class HourMail {
  private HourMail() {}

  /**
   * A bundle past a use threshold: says how far it is used now (the threshold only decided that it is time to say so), and
   * that it is used up once nothing is left.
   */
  public static ParagraphMail usedThreshold(Language language, String name, HourBundle bundle, String forecast,
                                       String hoursLink) {
    String used = RegistrationSheet.hours(bundle.usedMinutes());
    String bought = RegistrationSheet.hours(bundle.capacity());
    String left = RegistrationSheet.hours(bundle.remainingMinutes());
    String from = MailDates.date(bundle.validFrom(), language);
    String until = MailDates.date(bundle.validUntil(), language);
    boolean usedUp = bundle.remainingMinutes() <= 0;
    int percent = bundle.capacity() <= 0 ? 100 : (int) Math.min(100, (long) bundle.usedMinutes() * 100 / bundle.capacity());
    return switch (language) {
      case NL -> new ParagraphMail(usedUp ? "Uw urenbundel is op" : "Uw urenbundel is voor " + percent + "% verbruikt", List.of(
          "Beste " + name + ",",
          "Van uw urenbundel (" + from + " t/m " + until + ") is " + used + " van " + bought + " uur verbruikt (" + percent
              + "%). U heeft nog " + left + " uur.", forecast,
          "Extra uren nodig? Vraag ze aan via Mijn Urenbundels: " + hoursLink, "Met vriendelijke groet,\nKlantportaal"));
      case EN -> new ParagraphMail(usedUp ? "Your hour bundle is used up" : "Your hour bundle is " + percent + "% used", List.of(
          "Dear " + name + ",",
          "Of your hour bundle (" + from + " to " + until + "), " + used + " of " + bought + " hours are used (" + percent
              + "%). You have " + left + " hours left.", forecast,
          "Need more hours? Request them under My hour bundles: " + hoursLink, "Kind regards,\nKlantportaal"));
      case DE -> new ParagraphMail(usedUp ? "Ihr Stundenkontingent ist aufgebraucht"
          : "Ihr Stundenkontingent ist zu " + percent + " % verbraucht", List.of("Guten Tag " + name + ",",
          "Von Ihrem Stundenkontingent (" + from + " bis " + until + ") sind " + used + " von " + bought + " Stunden verbraucht ("
              + percent + " %). Ihnen bleiben " + left + " Stunden.", forecast,
          "Mehr Stunden nötig? Fordern Sie sie unter Meine Stundenkontingente an: " + hoursLink,
          "Mit freundlichen Grüßen\nKlantportaal"));
    };
  }

  public static ParagraphMail expiry(Language language, String name, HourBundle bundle, String forecast, String hoursLink) {
    String left = RegistrationSheet.hours(bundle.remainingMinutes());
    String until = MailDates.date(bundle.validUntil(), language);
    return switch (language) {
      case NL -> new ParagraphMail("Uw urenbundel verloopt op " + until, List.of("Beste " + name + ",",
          "Uw urenbundel is geldig tot en met " + until + ". U heeft nog " + left + " uur. Uren die op de einddatum over zijn,"
              + " vervallen, tenzij uw overeenkomst anders bepaalt.", forecast, "Uw uren: " + hoursLink,
          "Met vriendelijke groet,\nKlantportaal"));
      case EN -> new ParagraphMail("Your hour bundle expires on " + until, List.of("Dear " + name + ",",
          "Your hour bundle is valid through " + until + ". You have " + left + " hours left. Hours left on the end date lapse"
              + " unless your agreement says otherwise.", forecast, "Your hours: " + hoursLink, "Kind regards,\nKlantportaal"));
      case DE -> new ParagraphMail("Ihr Stundenkontingent läuft am " + until + " ab", List.of("Guten Tag " + name + ",",
          "Ihr Stundenkontingent gilt bis einschließlich " + until + ". Ihnen bleiben " + left + " Stunden. Am Enddatum übrige"
              + " Stunden verfallen, sofern Ihr Vertrag nichts anderes bestimmt.", forecast, "Ihre Stunden: " + hoursLink,
          "Mit freundlichen Grüßen\nKlantportaal"));
    };
  }

  public static ParagraphMail overflow(Language language, String name, LocalDate day, int minutes, String registrationsLink) {
    String hours = RegistrationSheet.hours(minutes);
    String when = MailDates.date(day, language);
    return switch (language) {
      case NL -> new ParagraphMail("Uren buiten uw urenbundel geregistreerd", List.of("Beste " + name + ",",
          "Op " + when + " is " + hours + " uur geregistreerd die niet binnen een actieve urenbundel viel. Deze uren worden als"
              + " Ad-Hoc Facturabel gefactureerd.", "Bekijk ze onder Urenregistraties: " + registrationsLink,
          "Met vriendelijke groet,\nKlantportaal"));
      case EN -> new ParagraphMail("Hours registered beyond your hour bundle", List.of("Dear " + name + ",",
          "On " + when + ", " + hours + " hours were registered that no active hour bundle covered. They will be invoiced as"
              + " ad-hoc billable time.", "See them under Time registrations: " + registrationsLink,
          "Kind regards,\nKlantportaal"));
      case DE -> new ParagraphMail("Stunden außerhalb Ihres Stundenkontingents erfasst", List.of("Guten Tag " + name + ",",
          "Am " + when + " wurden " + hours + " Stunden erfasst, die kein aktives Stundenkontingent abdeckte. Sie werden als"
              + " ad-hoc abrechenbare Zeit berechnet.", "Sie finden sie unter Zeiterfassungen: " + registrationsLink,
          "Mit freundlichen Grüßen\nKlantportaal"));
    };
  }

  public static ParagraphMail subscriptionEnding(Language language, String name, Subscription subscription, String link) {
    String end = MailDates.date(subscription.endDate(), language);
    String what = subscription.quantity() + " × " + subscription.service();
    return switch (language) {
      case NL -> new ParagraphMail("Uw abonnement " + subscription.service() + " loopt af op " + end, List.of("Beste " + name + ",",
          "Uw abonnement " + what + " loopt af op " + end + " en wordt niet automatisch verlengd.",
          "Wilt u het voortzetten of wijzigen? Vraag het aan via de portal (Abonnement wijzigen) of neem contact op met uw"
              + " accountmanager: " + link, "Met vriendelijke groet,\nKlantportaal"));
      case EN -> new ParagraphMail("Your subscription " + subscription.service() + " ends on " + end, List.of("Dear " + name + ",",
          "Your subscription " + what + " ends on " + end + " and does not renew by itself.",
          "Would you like to continue or change it? Request it in the portal (Change subscription) or contact your account"
              + " manager: " + link, "Kind regards,\nKlantportaal"));
      case DE -> new ParagraphMail("Ihr Abonnement " + subscription.service() + " endet am " + end, List.of("Guten Tag " + name + ",",
          "Ihr Abonnement " + what + " endet am " + end + " und verlängert sich nicht automatisch.",
          "Möchten Sie es fortsetzen oder ändern? Beantragen Sie es im Portal (Abonnement ändern) oder wenden Sie sich an Ihren"
              + " Account-Manager: " + link, "Mit freundlichen Grüßen\nKlantportaal"));
    };
  }
}
