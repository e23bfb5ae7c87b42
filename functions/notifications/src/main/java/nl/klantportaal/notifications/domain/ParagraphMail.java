package nl.klantportaal.notifications.domain;

import java.util.List;

/**
 * A mail written as a subject and paragraphs (the billing, report and service-notice mails): sent as plain text and
 * as the same paragraphs in simple HTML, each escaped, a line break inside a paragraph kept.
 */
public record ParagraphMail(String subject, List<String> paragraphs) {
  public ParagraphMail {
    paragraphs = List.copyOf(paragraphs);
  }

  public String text() {
    return String.join("\n\n", paragraphs) + "\n";
  }

  public String html() {
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
    for (String p : paragraphs) {
      html.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>");
    }
    return html.append("</body></html>").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
