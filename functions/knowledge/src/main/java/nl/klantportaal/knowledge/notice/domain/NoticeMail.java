package nl.klantportaal.knowledge.notice.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailDates;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * The notice mail to a customer's admin, in the admin's language: a new notice (its title and body), or a status change
 * (the update's text), with the service, start and expected end on the Amsterdam clock and a link to the status page.
 * Plain text and the same as simple HTML.
 */
public final class NoticeMail {
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private NoticeMail() {}

  public static ParagraphMail render(Notice notice, NoticeOccasion occasion, Language language, String name, String statusLink) {
    Words w = Words.of(language);
    Notice.Text text = notice.texts().get(language);
    String kind = w.kind(notice.kind());
    String subject = occasion.status().isEmpty()
        ? "[" + kind + "] " + notice.service() + ": " + text.title()
        : "[" + kind + "] " + notice.service() + ": " + text.title() + " (" + w.status(occasion.status().get()) + ")";
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(w.greeting(name));
    if (occasion.status().isEmpty()) {
      paragraphs.add(w.opened(kind, notice.service()));
      paragraphs.add(text.title() + "\n" + text.body());
    } else {
      NoticeStatus status = occasion.status().get();
      paragraphs.add(w.changed(kind, notice.service(), text.title(), w.status(status)));
      notice.updates().stream().filter(u -> u.status() == status).reduce((a, b) -> b)
          .ifPresent(u -> paragraphs.add(u.text(language)));
    }
    List<String> facts = new ArrayList<>();
    facts.add(w.statusLabel() + ": " + w.status(notice.status()));
    facts.add(w.startLabel() + ": " + time(notice.startsAt(), language));
    notice.expectedEndAt().filter(e -> notice.current()).ifPresent(e -> facts.add(w.expectedEndLabel() + ": " + time(e, language)));
    notice.endedAt().ifPresent(e -> facts.add(w.endedLabel() + ": " + time(e, language)));
    paragraphs.add(String.join("\n", facts));
    paragraphs.add(w.follow() + " " + statusLink);
    paragraphs.add(w.closing());
    return new ParagraphMail(subject, paragraphs);
  }

  /** A moment as the Amsterdam clock shows it, the day in words and the zone named ("7 december 2026 om 14:30 (CET)"). */
  public static String time(Instant at, Language language) {
    return MailDates.moment(at, language);
  }

  /** The name of a kind in a language (the portal shows the same). */
  public static String kindName(NoticeKind kind, Language language) {
    return Words.of(language).kind(kind);
  }

  /** The name of a status in a language (the portal shows the same). */
  public static String statusName(NoticeStatus status, Language language) {
    return Words.of(language).status(status);
  }

  private record Words(Language language) {
    static Words of(Language language) {
      return new Words(language);
    }

    String kind(NoticeKind kind) {
      return pick(switch (kind) {
        case OUTAGE -> new String[] {"Storing", "Outage", "Störung"};
        case MAINTENANCE -> new String[] {"Onderhoud", "Maintenance", "Wartung"};
        case INFORMATION -> new String[] {"Informatie", "Information", "Information"};
      });
    }

    String status(NoticeStatus status) {
      return pick(switch (status) {
        case INVESTIGATING -> new String[] {"Wordt onderzocht", "Investigating", "Wird untersucht"};
        case IDENTIFIED -> new String[] {"Oorzaak gevonden", "Identified", "Ursache gefunden"};
        case MONITORING -> new String[] {"Wordt gevolgd", "Monitoring", "Wird beobachtet"};
        case RESOLVED -> new String[] {"Opgelost", "Resolved", "Behoben"};
        case SCHEDULED -> new String[] {"Gepland", "Scheduled", "Geplant"};
        case IN_PROGRESS -> new String[] {"Bezig", "In progress", "In Arbeit"};
        case COMPLETED -> new String[] {"Afgerond", "Completed", "Abgeschlossen"};
      });
    }

    String greeting(String name) {
      return pick("Beste " + name + ",", "Dear " + name + ",", "Guten Tag " + name + ",");
    }

    String opened(String kind, String service) {
      return pick("Er is een nieuwe melding (" + kind.toLowerCase(Locale.ROOT) + ") voor " + service + " die uw organisatie raakt:",
          "There is a new notice (" + kind.toLowerCase(Locale.ROOT) + ") for " + service + " that affects your organisation:",
          "Es gibt eine neue Meldung (" + kind + ") zu " + service + ", die Ihre Organisation betrifft:");
    }

    String changed(String kind, String service, String title, String status) {
      return pick("De melding (" + kind.toLowerCase(Locale.ROOT) + ") voor " + service + " \"" + title + "\" heeft een nieuwe status: "
              + status + ".",
          "The notice (" + kind.toLowerCase(Locale.ROOT) + ") for " + service + " \"" + title + "\" has a new status: " + status + ".",
          "Die Meldung (" + kind + ") zu " + service + " \"" + title + "\" hat einen neuen Status: " + status + ".");
    }

    String statusLabel() {
      return pick("Status", "Status", "Status");
    }

    String startLabel() {
      return pick("Begin", "Start", "Beginn");
    }

    String expectedEndLabel() {
      return pick("Verwacht einde", "Expected end", "Voraussichtliches Ende");
    }

    String endedLabel() {
      return pick("Beëindigd", "Ended", "Beendet");
    }

    String follow() {
      return pick("Volg de actuele status op de statuspagina:", "Follow the current status on the status page:",
          "Den aktuellen Stand finden Sie auf der Statusseite:");
    }

    String closing() {
      return pick("Met vriendelijke groet,\nKlantportaal", "Kind regards,\nKlantportaal", "Mit freundlichen Grüßen\nKlantportaal");
    }

    private String pick(String... texts) {
      return texts[language.ordinal()];
    }
  }

}
