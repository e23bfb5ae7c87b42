package nl.klantportaal.tickets.adapter.s3;

import java.nio.charset.StandardCharsets;

/**
 * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266,
 * RFC 8187): browsers save the file instead of showing it, under its own name in any script.
 */
public final class ContentDisposition {
  private static final String ATTR_CHAR = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  public static String attachment(String fileName) {
    return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
  }

  /** Printable ASCII only, without quote and backslash (the sanitised name has no backslash). */
  static String asciiFallback(String fileName) {
    StringBuilder out = new StringBuilder();
    fileName.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    return out.toString();
  }

  /** RFC 8187 value-chars: ALPHA / DIGIT / attr-char stay, every other UTF-8 byte is %XX. */
  static String encode(String fileName) {
    StringBuilder out = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHAR.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
