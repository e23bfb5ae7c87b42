package nl.klantportaal.inboundmail.domain;

import java.util.Locale;

/**
 * The ticket text a mail gives: the title from its subject (one line, at most 200 characters), the
 * body from its text with the quoted history cut off where {@link QuoteStripper} can do so safely,
 * and every attached file listed by name with the reason it is not on the ticket (this slice does not
 * yet store mail attachments: they are never dropped silently). The raw message stays in the inbound
 * bucket; the ledger item names its key.
 */
public final class MailText {
  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 20_000;
  static final String NO_SUBJECT = "(geen onderwerp)";
  static final String NO_TEXT = "(de e-mail bevat geen tekst)";
  static final String HISTORY_CUT = "[Eerdere berichten uit de e-mail zijn weggelaten; het volledige origineel is bewaard.]";
  static final String ATTACHMENTS = "Bijlagen in de e-mail (niet overgenomen: bijlagen uit e-mail volgen):";

  private MailText() {}

  public static String title(ParsedMail mail) {
    String title = oneLine(mail.subject(), MAX_TITLE);
    return title.isBlank() ? NO_SUBJECT : title;
  }

  public static String body(ParsedMail mail, int max) {
    QuoteStripper.Stripped stripped = QuoteStripper.strip(mail.text().replace("\r\n", "\n").replace('\r', '\n'));
    StringBuilder tail = new StringBuilder();
    if (stripped.cut()) {
      tail.append("\n\n").append(HISTORY_CUT);
    }
    if (!mail.attachments().isEmpty()) {
      tail.append("\n\n").append(ATTACHMENTS);
      for (ParsedMail.AttachedFile file : mail.attachments()) {
        tail.append("\n- ").append(oneLine(file.fileName(), 200)).append(" (").append(file.contentType()).append(", ")
            .append(size(file.size())).append(file.inline() ? ", in de tekst" : "").append(")");
      }
    }
    String text = stripped.text().isBlank() ? NO_TEXT : stripped.text();
    int room = Math.max(0, max - tail.length());
    if (text.length() > room) {
      String marker = "\n[…ingekort]";
      text = text.substring(0, Math.max(0, room - marker.length())) + marker;
    }
    String body = text + tail;
    return body.length() > max ? body.substring(0, max) : body;
  }

  /** One line: control characters become spaces, runs of white space one space, at most {@code max} characters. */
  public static String oneLine(String value, int max) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    String line = out.toString().replaceAll("\\s+", " ").strip();
    return line.length() > max ? line.substring(0, max) : line;
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
