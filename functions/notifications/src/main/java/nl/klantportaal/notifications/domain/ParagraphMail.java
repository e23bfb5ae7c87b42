package nl.klantportaal.notifications.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail written as a subject and paragraphs (the billing, report and service-notice mails): sent as plain text and
 * as the same paragraphs in simple HTML, each escaped, a line break inside a paragraph kept, and every web address a
 * link (the text part shows it as it is; a mail client need not guess where the link ends).
 */
public record ParagraphMail(String subject, List<String> paragraphs) {
  /** A web address: up to white space, a quote or markup; trailing punctuation is the sentence's. */
  private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"']*[^\\s<>\"'.,;:!?)]");

  public ParagraphMail {
    paragraphs = List.copyOf(paragraphs);
  }

  public String text() {
    return String.join("\n\n", paragraphs) + "\n";
  }

  public String html() {
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
    for (String p : paragraphs) {
      html.append("<p>").append(linked(p).replace("\n", "<br>")).append("</p>");
    }
    return html.append("</body></html>").toString();
  }

  /** The paragraph escaped, each web address in it a link to itself. */
  private static String linked(String paragraph) {
    Matcher address = ADDRESS.matcher(paragraph);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (address.find()) {
      String href = escape(address.group());
      out.append(escape(paragraph.substring(from, address.start()))).append("<a href=\"").append(href).append("\">")
          .append(href).append("</a>");
      from = address.end();
    }
    return out.append(escape(paragraph.substring(from))).toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
