package nl.klantportaal.mail.adapter.ses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * A threaded mail as RFC 5322 / MIME bytes, in plain Java: multipart/alternative with a UTF-8 text
 * and an HTML part (base64, 76-column lines), an RFC 2047 encoded subject, Message-ID, In-Reply-To
 * and References to the thread root, and {@code Auto-Submitted: auto-generated} (RFC 3834) so
 * auto-responders do not answer it. Header values are checked for CR/LF, so no header can be injected.
 */
public final class MimeMessage {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);
  private static final int MAX_ENCODED_BYTES = 45;

  private MimeMessage() {}

  public static byte[] build(MailSender.ThreadedMail mail, Instant date) {
    String boundary = "=_kp_" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder m = new StringBuilder();
    header(m, "From", address(mail.from()));
    header(m, "To", address(mail.to()));
    header(m, "Subject", encodedWords(mail.subject()));
    header(m, "Date", DATE.format(date.atZone(ZoneOffset.UTC)));
    header(m, "Message-ID", mail.messageId());
    header(m, "In-Reply-To", mail.threadRootId());
    header(m, "References", mail.threadRootId());
    header(m, "Auto-Submitted", "auto-generated");
    header(m, "X-Auto-Response-Suppress", "All");
    header(m, "MIME-Version", "1.0");
    header(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
    m.append("\r\n");
    part(m, boundary, "text/plain; charset=UTF-8", mail.text());
    part(m, boundary, "text/html; charset=UTF-8", mail.html());
    m.append("--").append(boundary).append("--\r\n");
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void part(StringBuilder m, String boundary, String contentType, String body) {
    m.append("--").append(boundary).append("\r\n");
    m.append("Content-Type: ").append(contentType).append("\r\n");
    m.append("Content-Transfer-Encoding: base64\r\n\r\n");
    String encoded = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(body.getBytes(StandardCharsets.UTF_8));
    m.append(encoded).append("\r\n");
  }

  private static void header(StringBuilder m, String name, String value) {
    String unfolded = value.replace("\r\n ", "");
    if (unfolded.indexOf('\r') >= 0 || unfolded.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("Header " + name + " contains a line break");
    }
    m.append(name).append(": ").append(value).append("\r\n");
  }

  /** {@code Name <addr>} with a non-ASCII name encoded; the address itself must be ASCII. */
  static String address(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("An address contains a line break");
    }
    int open = value.lastIndexOf('<');
    if (open <= 0) {
      requireAscii(value);
      return value.strip();
    }
    String name = value.substring(0, open).strip();
    String address = value.substring(open).strip();
    requireAscii(address);
    return (isAscii(name) ? name : encodedWords(name)) + " " + address;
  }

  /**
   * RFC 2047 B-encoded words of at most 45 UTF-8 bytes each (75 characters encoded), never splitting
   * a character, folded onto continuation lines; plain ASCII without control characters stays as it is.
   */
  static String encodedWords(String text) {
    if (isAscii(text) && text.length() <= 900) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    int chunkBytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
      if (chunkBytes + bytes > MAX_ENCODED_BYTES) {
        appendWord(out, chunk);
        chunk.setLength(0);
        chunkBytes = 0;
      }
      chunk.append(ch);
      chunkBytes += bytes;
      i += Character.charCount(cp);
    }
    appendWord(out, chunk);
    return out.toString();
  }

  private static void appendWord(StringBuilder out, StringBuilder chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    if (!out.isEmpty()) {
      out.append("\r\n ");
    }
    out.append("=?UTF-8?B?")
        .append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8)))
        .append("?=");
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static void requireAscii(String text) {
    if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
      throw new IllegalArgumentException("E-mail addresses must be ASCII");
    }
  }
}
