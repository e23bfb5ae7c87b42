package nl.klantportaal.inboundmail.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;

/**
 * The ticket text a mail gives: the title from its subject (one line, at most 200 characters), the
 * body from its text with the quoted history cut off where {@link QuoteStripper} can do so safely,
 * and every file the portal's rules refused listed by name with the reason, in Dutch like the rest of
 * the portal's own words (the files it took are the ticket's attachments; none is dropped silently). What could
 * not be read at all ({@link ParsedMail#unread()}: an Outlook {@code winmail.dat} that is not valid TNEF, an item in
 * it that is no file, a text that was only in it as unreadable RTF) is said as well.
 * The raw message stays in the inbound bucket; the ledger item names its key.
 */
public final class MailText {
  /** A forward's prefix ({@code Fwd:}, {@code FW:}, {@code WG:}, {@code Doorst:}), also after reply prefixes. */
  private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(?:(?:re|aw|antw|sv)\\s*:\\s*)*(?:fwd?|wg|doorst)\\s*:",
      Pattern.CASE_INSENSITIVE);
  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 20_000;
  static final String NO_SUBJECT = "(geen onderwerp)";
  static final String NO_TEXT = "(de e-mail bevat geen tekst)";
  static final String HISTORY_CUT = "[Eerdere berichten uit de e-mail zijn weggelaten; het volledige origineel is bewaard.]";
  static final String REFUSED = "Bijlagen uit de e-mail die niet zijn overgenomen:";
  static final String TNEF_UNREADABLE = "een Outlook-bijlage (TNEF) die niet kon worden uitgepakt; de bestanden erin zijn niet overgenomen";
  static final String TNEF_NOT_A_FILE = "een Outlook-item of een koppeling, geen bestand";
  static final String TNEF_TEXT_UNREADABLE = "[De tekst van de e-mail stond alleen in %s, in een opmaak (RTF) die niet kon worden "
      + "gelezen; het volledige origineel is bewaard.]";

  private MailText() {}

  public static String title(ParsedMail mail) {
    String title = oneLine(mail.subject(), MAX_TITLE);
    return title.isBlank() ? NO_SUBJECT : title;
  }

  /** Reply prefixes at the start of a subject ({@code Re:}, {@code AW:}, {@code Antw:}, {@code SV:}), repeated. */
  private static final Pattern REPLY_PREFIXES = Pattern.compile("^\\s*(?:(?:re|aw|antw|sv)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+",
      Pattern.CASE_INSENSITIVE);

  /**
   * The title of the new ticket a reply to closed ticket {@code closedToken} becomes: the subject without its reply
   * prefixes, the closed ticket's {@code [#token]} and the ticket mail's kind label after it, so "Re: [#acme-7]
   * Gesloten: Printer" gives "Printer" (the new ticket's mails carry its own token; two tokens and a stale "Gesloten" in
   * every later subject helped no one). A subject of another form keeps its words; one with nothing left is the plain title.
   */
  public static String followUpTitle(ParsedMail mail, String closedToken) {
    String subject = oneLine(mail.subject(), 1_000);
    String rest = REPLY_PREFIXES.matcher(subject).replaceFirst("");
    String token = "[#" + closedToken + "]";
    if (!rest.regionMatches(true, 0, token, 0, token.length())) {
      return title(mail);
    }
    rest = rest.substring(token.length()).strip();
    for (String label : nl.klantportaal.notifications.domain.TicketMail.subjectLabels()) {
      if (rest.regionMatches(true, 0, label + ":", 0, label.length() + 1)) {
        rest = rest.substring(label.length() + 1).strip();
        break;
      }
    }
    String title = oneLine(rest, MAX_TITLE);
    return title.isBlank() ? title(mail) : title;
  }

  /** The body, with the files that were not taken over listed by (sanitised) name, type, size and reason. */
  public static String body(ParsedMail mail, int max, List<MailAttachments.Refused> refused) {
    return body(mail, max, refused, false);
  }

  /**
   * {@link #body(ParsedMail, int, List)}, with {@code keepHistory}: nothing cut. A new ticket made from a forwarded mail
   * keeps what was forwarded ("see the message below" and a supplier's error report): it is the ticket's content, not
   * history the ticket has already.
   */
  public static String body(ParsedMail mail, int max, List<MailAttachments.Refused> refused, boolean keepHistory) {
    String written = printable(mail.text().replace("\r\n", "\n").replace('\r', '\n'));
    QuoteStripper.Stripped stripped = keepHistory ? new QuoteStripper.Stripped(written, false) : QuoteStripper.strip(written);
    StringBuilder tail = new StringBuilder();
    if (stripped.cut()) {
      tail.append("\n\n").append(HISTORY_CUT);
    }
    List<ParsedMail.Unread> unreadFiles = mail.unread().stream().filter(u -> u.why() != ParsedMail.Unread.Why.TNEF_TEXT_UNREADABLE).toList();
    if (!refused.isEmpty() || !unreadFiles.isEmpty()) {
      tail.append("\n\n").append(REFUSED);
      for (MailAttachments.Refused file : refused) {
        tail.append("\n- ").append(oneLine(file.fileName(), 200)).append(" (").append(oneLine(file.file().contentType(), 100))
            .append(", ").append(size(file.file().size())).append(file.file().inline() ? ", in de tekst" : "").append("): ")
            .append(reason(file));
      }
      for (ParsedMail.Unread part : unreadFiles) {
        tail.append("\n- ").append(oneLine(part.fileName(), 200)).append(switch (part.why()) {
          case TNEF_NOT_A_FILE -> " (in winmail.dat): " + TNEF_NOT_A_FILE;
          default -> " (" + oneLine(part.contentType(), 100) + ", " + size(part.size()) + "): " + TNEF_UNREADABLE;
        });
      }
    }
    Optional<String> textUnreadable = mail.unread().stream().filter(u -> u.why() == ParsedMail.Unread.Why.TNEF_TEXT_UNREADABLE)
        .findFirst().map(u -> TNEF_TEXT_UNREADABLE.formatted(oneLine(u.fileName(), 200)));
    if (!stripped.text().isBlank() && textUnreadable.isPresent()) {
      tail.insert(0, "\n\n" + textUnreadable.get());
    }
    String text = stripped.text().isBlank() ? textUnreadable.orElse(NO_TEXT) : stripped.text();
    int room = Math.max(0, max - tail.length());
    if (text.length() > room) {
      String marker = "\n[…ingekort]";
      text = cut(text, Math.max(0, room - marker.length())) + marker;
    }
    String body = text + tail;
    return cut(body, max);
  }

  /**
   * Whether the sender forwarded a message: a forward's prefix in the subject ({@code Fwd:}, {@code FW:}, {@code WG:},
   * {@code Doorst:}, after any reply prefixes) or a forward's opening line in the text.
   */
  public static boolean forwarded(ParsedMail mail) {
    return FORWARD_SUBJECT.matcher(mail.subject()).find() || QuoteStripper.forwards(mail.text());
  }

  /**
   * Text the ticket rules take: control characters other than line ends and tabs (a form feed, terminal colour
   * codes, a NUL of a wrongly labelled UTF-16 part) become spaces, an unpaired surrogate the replacement character.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** At most {@code max} chars, never half of a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** Why a file is not on the ticket, in the words of the portal's attachment rules (docs/tickets.md). */
  static String reason(MailAttachments.Refused file) {
    Optional<AttachmentKind> kind = AttachmentKind.ofContentType(file.file().contentType());
    String declared = kind.map(AttachmentKind::contentType).orElse("");
    return switch (file.reason()) {
      case TYPE_NOT_ALLOWED -> "dit bestandstype wordt niet aangenomen";
      case EXTENSION_MISMATCH -> "de naam past niet bij het type " + declared + " (verwacht "
          + kind.map(k -> k.extensions().stream().map(e -> "." + e).collect(Collectors.joining(" of "))).orElse("") + ")";
      case EMPTY -> "het bestand is leeg";
      case TOO_LARGE -> "groter dan " + size(PendingUpload.MAX_SIZE).replace(".0 ", " ");
      case CONTENT_MISMATCH -> "de inhoud is geen " + declared + ", zoals het type zegt";
    };
  }

  /** One line: control characters become spaces, runs of white space one space, at most {@code max} characters. */
  public static String oneLine(String value, int max) {
    String line = printable(value).replace('\n', ' ').replace('\t', ' ').replaceAll("\\s+", " ").strip();
    return cut(line, max).strip();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
