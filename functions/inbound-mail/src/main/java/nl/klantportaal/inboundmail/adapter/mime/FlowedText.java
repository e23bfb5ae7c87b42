package nl.klantportaal.inboundmail.adapter.mime;

/**
 * Plain text sent as {@code format=flowed} (RFC 3676: Apple Mail, Thunderbird, Roundcube) as its writer wrote it: a
 * line that ends in a space was wrapped by the mail client and goes on in the next line of the same quote depth;
 * with {@code delsp=yes} that space was added for the wrapping (inside a long word, a URL, Japanese text) and goes.
 * Space-stuffing is undone and quoted lines keep their {@code >} marks, one space after them. The signature
 * separator {@code "-- "} stays a line of its own.
 */
final class FlowedText {
  private FlowedText() {}

  static String unwrap(String text, boolean delSp) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder paragraph = new StringBuilder();
    int paragraphDepth = -1;
    for (String raw : lines) {
      int depth = 0;
      while (depth < raw.length() && raw.charAt(depth) == '>') {
        depth++;
      }
      String line = raw.substring(depth);
      if (line.startsWith(" ")) {
        line = line.substring(1); // space-stuffed (or the space after the quote marks)
      }
      if (paragraphDepth >= 0 && depth != paragraphDepth) {
        end(out, paragraph, paragraphDepth); // a flowed line followed by another quote depth: RFC 3676 4.5, taken as fixed
      }
      boolean flowed = line.endsWith(" ") && !line.equals("-- ");
      paragraph.append(flowed && delSp ? line.substring(0, line.length() - 1) : line);
      paragraphDepth = depth;
      if (!flowed) {
        end(out, paragraph, paragraphDepth);
        paragraphDepth = -1;
      }
    }
    if (paragraphDepth >= 0) {
      end(out, paragraph, paragraphDepth);
    }
    return out.length() == 0 ? "" : out.substring(0, out.length() - 1);
  }

  private static void end(StringBuilder out, StringBuilder paragraph, int depth) {
    if (depth > 0) {
      out.append(">".repeat(depth)).append(paragraph.isEmpty() ? "" : " ");
    }
    out.append(paragraph).append('\n');
    paragraph.setLength(0);
  }
}
