package nl.klantportaal.inboundmail.adapter.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * HTML to safe plain text with jsoup: scripts, styles and the head go; line breaks of {@code br},
 * paragraphs, list items, rows and block quotes stay (a quote's lines marked {@code >}, as plain-text mail quotes);
 * every tag goes; entities become characters.
 * The result is text, never markup, so the portal shows it escaped like any ticket text.
 */
final class HtmlText {
  /** Where a block quote starts and ends: characters of Unicode's private use area, taken out of the HTML first. */
  private static final String QUOTE_START = "\uE000";
  private static final String QUOTE_END = "\uE001";

  private HtmlText() {}

  static String of(String html) {
    if (html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parse(html.replace(QUOTE_START, "").replace(QUOTE_END, ""));
    document.outputSettings(new Document.OutputSettings().prettyPrint(false));
    document.select("script, style, head, title, template").remove();
    document.select("br").after("\\n");
    document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table, hr").before("\\n");
    for (org.jsoup.nodes.Element quote : document.select("blockquote")) {
      if (!quote.attr("style").replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("border:none")) {
        quote.prependText(QUOTE_START).appendText(QUOTE_END); // not Gmail's "indent more", a block quote without a border
      }
    }
    String cleaned = Jsoup.clean(document.body() == null ? "" : document.body().html(), "", Safelist.none(),
        new Document.OutputSettings().prettyPrint(false));
    String text = Parser.unescapeEntities(cleaned.replace("\\n", "\n"), false).replace('\u00a0', ' ');
    return quoted(text.replaceAll("[ \t]+\n", "\n")).replaceAll("\n{3,}", "\n\n").strip();
  }

  /** The lines inside a block quote marked as a plain-text mail quotes them, one {@code >} a level. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0;
    for (String line : text.replace(QUOTE_START, "\n" + QUOTE_START + "\n").replace(QUOTE_END, "\n" + QUOTE_END + "\n").split("\n", -1)) {
      if (line.equals(QUOTE_START)) {
        depth++;
      } else if (line.equals(QUOTE_END)) {
        depth = Math.max(0, depth - 1);
      } else if (depth > 0 && !line.isBlank()) {
        out.append(">".repeat(depth)).append(' ').append(line.strip()).append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
