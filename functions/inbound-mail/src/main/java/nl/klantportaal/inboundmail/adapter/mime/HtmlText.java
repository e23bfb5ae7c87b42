package nl.klantportaal.inboundmail.adapter.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * HTML to safe plain text with jsoup: scripts, styles and the head go; line breaks of {@code br},
 * paragraphs, list items, rows and block quotes stay; every tag goes; entities become characters.
 * The result is text, never markup, so the portal shows it escaped like any ticket text.
 */
final class HtmlText {
  private HtmlText() {}

  static String of(String html) {
    if (html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parse(html);
    document.outputSettings(new Document.OutputSettings().prettyPrint(false));
    document.select("script, style, head, title, template").remove();
    document.select("br").after("\\n");
    document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table, hr").before("\\n");
    String cleaned = Jsoup.clean(document.body() == null ? "" : document.body().html(), "", Safelist.none(),
        new Document.OutputSettings().prettyPrint(false));
    String text = Parser.unescapeEntities(cleaned.replace("\\n", "\n"), false).replace('\u00a0', ' ');
    return text.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
  }
}
