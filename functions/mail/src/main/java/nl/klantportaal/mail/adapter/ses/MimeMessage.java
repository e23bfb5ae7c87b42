package nl.klantportaal.mail.adapter.ses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * A threaded mail as RFC 5322 / MIME bytes, in plain Java: multipart/alternative with a UTF-8 text
 * and an HTML part (base64, 76-column lines), an RFC 2047 encoded subject, Message-ID, In-Reply-To
 * and References to the thread root, and {@code Auto-Submitted: auto-generated} (RFC 3834) so
 * auto-responders do not answer it. Header values are checked for CR/LF, so no header can be injected.
 *
 * <p>A mail with attachments (an invoice and its PDF) is multipart/mixed: that same
 * multipart/alternative first, then one base64 part per file with {@code Content-Disposition:
 * attachment}. A plain ASCII file name is a quoted {@code filename="..."}; any other name is RFC 2231
 * {@code filename*=UTF-8''<percent-encoded>}, split into {@code filename*0*}, {@code filename*1*}, ...
 * continuations at character boundaries when it is long, so an encoded name (up to 12 characters per
 * emoji) never makes an overlong header line. The Content-Type carries the same name as {@code name}
 * for clients that read only that. A mail without attachments is built exactly as before.
 */
public final class MimeMessage {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);
  private static final int MAX_ENCODED_BYTES = 45;
  private static final int MAX_PARAMETER_SEGMENT = 50;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MimeMessage() {}

  public static byte[] build(MailSender.ThreadedMail mail, Instant date) {
    String boundary = boundary();
    StringBuilder m = new StringBuilder();
    header(m, "From", address(mail.from()));
    header(m, "To", address(mail.to()));
    if (mail.replyTo().isPresent()) {
      header(m, "Reply-To", address(mail.replyTo().get()));
    }
    header(m, "Subject", encodedWords(mail.subject()));
    header(m, "Date", DATE.format(date.atZone(ZoneOffset.UTC)));
    header(m, "Message-ID", mail.messageId());
    header(m, "In-Reply-To", mail.threadRootId());
    header(m, "References", mail.threadRootId());
    header(m, "Auto-Submitted", "auto-generated");
    header(m, "X-Auto-Response-Suppress", "All");
    header(m, "MIME-Version", "1.0");
    if (mail.attachments().isEmpty()) {
      header(m, "Content-Type", multipart("alternative", boundary));
      m.append("\r\n");
      alternative(m, boundary, mail);
    } else {
      String mixed = boundary();
      header(m, "Content-Type", multipart("mixed", mixed));
      m.append("\r\n");
      m.append("--").append(mixed).append("\r\n");
      m.append("Content-Type: ").append(multipart("alternative", boundary)).append("\r\n\r\n");
      alternative(m, boundary, mail);
      for (MailSender.Attachment attachment : mail.attachments()) {
        attachment(m, mixed, attachment);
      }
      m.append("--").append(mixed).append("--\r\n");
    }
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code =_kp_<32 hex>}: "=_" never occurs in base64 text, so no body line can look like a boundary. */
  private static String boundary() {
    return "=_kp_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String multipart(String subtype, String boundary) {
    return "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
  }

  private static void alternative(StringBuilder m, String boundary, MailSender.ThreadedMail mail) {
    part(m, boundary, "text/plain; charset=UTF-8", mail.text());
    part(m, boundary, "text/html; charset=UTF-8", mail.html());
    m.append("--").append(boundary).append("--\r\n");
  }

  private static void part(StringBuilder m, String boundary, String contentType, String body) {
    m.append("--").append(boundary).append("\r\n");
    m.append("Content-Type: ").append(contentType).append("\r\n");
    m.append("Content-Transfer-Encoding: base64\r\n\r\n");
    m.append(base64(body.getBytes(StandardCharsets.UTF_8))).append("\r\n");
  }

  /** One file: its type (validated as a bare type/subtype by {@link MailSender.Attachment}), name and base64 bytes. */
  private static void attachment(StringBuilder m, String boundary, MailSender.Attachment attachment) {
    m.append("--").append(boundary).append("\r\n");
    m.append("Content-Type: ").append(attachment.contentType()).append(";\r\n ")
        .append(parameter("name", attachment.fileName())).append("\r\n");
    m.append("Content-Disposition: attachment;\r\n ").append(parameter("filename", attachment.fileName())).append("\r\n");
    m.append("Content-Transfer-Encoding: base64\r\n\r\n");
    m.append(base64(attachment.content())).append("\r\n");
  }

  private static String base64(byte[] bytes) {
    return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes);
  }

  /**
   * A header parameter on its own folded line: {@code name="value"} when the value is printable ASCII
   * without a quote (at most 120 characters, so the line stays far under RFC 5322's 998); otherwise RFC
   * 2231 UTF-8 percent-encoding, in continuations of at most {@value #MAX_PARAMETER_SEGMENT} encoded
   * characters that never split a character's bytes (some readers decode each segment on its own).
   */
  static String parameter(String name, String value) {
    if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
      return name + "=\"" + value + "\"";
    }
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String encoded = percentEncoded(new String(Character.toChars(cp)));
      if (segment.length() + encoded.length() > MAX_PARAMETER_SEGMENT) {
        segments.add(segment.toString());
        segment.setLength(0);
      }
      segment.append(encoded);
      i += Character.charCount(cp);
    }
    segments.add(segment.toString());
    if (segments.size() == 1) {
      return name + "*=UTF-8''" + segments.getFirst();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        out.append(";\r\n ");
      }
      out.append(name).append('*').append(i).append("*=").append(i == 0 ? "UTF-8''" : "").append(segments.get(i));
    }
    return out.toString();
  }

  /** RFC 2231 / RFC 5987 attr-chars stay as they are; every other byte of the UTF-8 form is {@code %XX}. */
  private static String percentEncoded(String character) {
    StringBuilder out = new StringBuilder();
    for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
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
   * a character, folded onto continuation lines; plain ASCII without control characters stays as it is, unless it
   * holds {@code =?}: a title a person wrote as {@code =?UTF-8?B?...?=} would otherwise be decoded by the reader's
   * client and shown as other words than the ones written.
   */
  static String encodedWords(String text) {
    if (isAscii(text) && text.length() <= 900 && !text.contains("=?")) {
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
