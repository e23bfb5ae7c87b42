package nl.klantportaal.inboundmail.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history off a reply where it can be recognised safely: at the first line that opens
 * a quote in the way mail clients write it (Gmail, Apple Mail and Thunderbird's "On … wrote:" and its
 * Dutch and German forms, followed by the quoted "&gt;" lines; HTML's block quotes are marked so too), Outlook's "-----Original Message-----" or its header block "From: … Sent: … Subject: …" (in any order),
 * a line of underscores before such a block), or at a run of "&gt;" lines that lasts to the end. When
 * nothing of the writer's own text would be left, or the writer answered below or between the quoted lines of
 * such a quote, nothing is cut. The full text is kept elsewhere.
 */
public final class QuoteStripper {
  /** The line Gmail, Thunderbird or Apple Mail opens a forwarded message with, in nl, en or de. */
  private static final Pattern FORWARD_OPENER = Pattern.compile("^\\s*(?:-{2,}\\s*(?:forwarded message|doorgestuurd bericht"
      + "|weitergeleitete nachricht)\\s*-{2,}|begin forwarded message\\s*:)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final List<Pattern> OPENERS = List.of(
      // Gmail, Apple Mail, Thunderbird: "On Mon, 3 Nov 2026 at 10:00, Jan <jan@x> wrote:" (may wrap over two lines).
      Pattern.compile("^\\s*(on|op|am|le|el)\\s.{4,300}(wrote|schreef|schrieb|geschreven|a écrit|escribió).{0,200}:\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL),
      Pattern.compile("^.{0,200}\\s(wrote|schreef|schrieb)\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      Pattern.compile("^\\s*-{2,}\\s*(original message|oorspronkelijk bericht|origineel bericht|ursprüngliche nachricht"
          + "|originalnachricht)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      FORWARD_OPENER);
  /**
   * The header block of a quoted message (Outlook, Outlook for Mac, Lotus Notes, GMX and web.de, in any order): a
   * "From:/Van:/Von:" line, a "Sent:/Verzonden:/Gesendet:/Date:/Datum:" line and a "Subject:/Onderwerp:/Betreff:" line
   * within six lines. The subject line tells it from a writer's own "Van: 09:00 / Tot: 17:00 / Datum: ..." list.
   */
  private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(from|van|von)\\s*:\\*?\\s+\\S.*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\s*\\*?(sent|verzonden|gesendet|date|datum)\\s*:\\*?\\s+\\S.*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern OUTLOOK_SUBJECT = Pattern.compile("^\\s*\\*?(subject|onderwerp|betreff)\\s*:\\*?(\\s.*)?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int HEADER_BLOCK = 6;
  private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");

  private QuoteStripper() {}

  /** The writer's own text and whether history was cut off. */
  public record Stripped(String text, boolean cut) {}

  public static Stripped strip(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int cutAt = -1;
    for (int i = 0; i < lines.length && cutAt < 0; i++) {
      String line = lines[i];
      String twoLines = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
      boolean oneLine = OPENERS.get(0).matcher(line).matches() || OPENERS.get(1).matcher(line).matches();
      boolean wrote = oneLine || (!line.isBlank() && !line.strip().endsWith(":") && OPENERS.get(0).matcher(twoLines).matches());
      if (wrote && !quoteFollows(lines, oneLine ? i + 1 : i + 2)) {
        continue; // "De leverancier schreef:" before a quotation of the writer's own: not a mail client's quote
      }
      if (wrote || matchesAny(line)) {
        if (wrote && answeredBetweenTheQuotes(lines, i)) {
          return new Stripped(text.strip(), false); // the writer answered below or between the quoted lines: all of it is theirs
        }
        cutAt = i;
      } else if (headerBlock(lines, i)) {
        cutAt = i > 0 && RULE.matcher(lines[i - 1]).matches() ? i - 1 : i;
      } else if (line.startsWith(">") && quotedToEnd(lines, i)) {
        cutAt = i;
      }
    }
    if (cutAt < 0) {
      return new Stripped(text.strip(), false);
    }
    String own = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cutAt)).strip();
    if (own.isEmpty()) {
      return new Stripped(text.strip(), false);
    }
    return new Stripped(own, true);
  }

  /** Whether a line of {@code text} opens a forwarded message (as {@link #strip} recognises it). */
  public static boolean forwards(String text) {
    return text.lines().anyMatch(line -> FORWARD_OPENER.matcher(line).matches());
  }

  private static boolean matchesAny(String line) {
    return OPENERS.stream().anyMatch(p -> p.matcher(line).matches());
  }

  /** Whether the first line from {@code from} on that is not blank is quoted ("&gt;"), as a mail client quotes after "On … wrote:". */
  private static boolean quoteFollows(String[] lines, int from) {
    for (int j = from; j < lines.length; j++) {
      if (!lines[j].isBlank()) {
        return lines[j].startsWith(">");
      }
    }
    return false;
  }

  /**
   * Whether the writer's own lines follow the quoted ("&gt;") lines after an "On … wrote:" line: an answer below the
   * quote or between its lines, as Thunderbird, Apple Mail and mutt users write. A signature ("-- ") ends the search.
   */
  private static boolean answeredBetweenTheQuotes(String[] lines, int opener) {
    boolean quoted = false;
    for (int j = opener + 1; j < lines.length; j++) {
      String line = lines[j];
      if (line.equals("-- ") || line.equals("--")) {
        return false;
      }
      if (line.startsWith(">")) {
        quoted = true;
      } else if (quoted && !line.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a quoted message's header block starts at {@code from}: its From or date line, then the other two of the three. */
  private static boolean headerBlock(String[] lines, int from) {
    String first = lines[from].replace('\u00a0', ' ');
    if (!OUTLOOK_FROM.matcher(first).matches() && !OUTLOOK_SENT.matcher(first).matches()) {
      return false;
    }
    boolean sender = false;
    boolean sent = false;
    boolean subject = false;
    for (int j = from; j < Math.min(lines.length, from + HEADER_BLOCK); j++) {
      String line = lines[j].replace('\u00a0', ' '); // GMX writes "Von:&nbsp;..."
      sender |= OUTLOOK_FROM.matcher(line).matches();
      sent |= OUTLOOK_SENT.matcher(line).matches();
      subject |= OUTLOOK_SUBJECT.matcher(line).matches();
    }
    return sender && sent && subject;
  }

  private static boolean quotedToEnd(String[] lines, int from) {
    for (int j = from; j < lines.length; j++) {
      if (!lines[j].isBlank() && !lines[j].startsWith(">")) {
        return false;
      }
    }
    return true;
  }
}
