package nl.klantportaal.knowledge.article.adapter.markdown;

import java.util.List;
import nl.klantportaal.knowledge.article.port.BodyRenderer;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Markdown to safe HTML in two independent steps (docs/knowledge.md, "Markdown"): commonmark (with GFM
 * tables) renders with raw HTML escaped, so a {@code <script>} in the text stays text; then jsoup keeps only
 * the tags and attributes of {@link #SAFELIST}: links to http, https and mailto only (so no
 * {@code javascript:} or {@code data:} URL), each with {@code rel="noopener nofollow"}, no event
 * attributes, no style, no iframe, object or embed. Either step alone would make the body inert; the
 * second one holds even if a later commonmark version rendered something new.
 */
public final class SafeMarkdown implements BodyRenderer {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
      .escapeHtml(true).sanitizeUrls(true).build();

  /** What an article body may hold after rendering. */
  static final Safelist SAFELIST = new Safelist()
      .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
          "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td")
      .addAttributes("a", "href", "title")
      .addAttributes("img", "src", "alt", "title")
      .addAttributes("ol", "start")
      .addAttributes("th", "align")
      .addAttributes("td", "align")
      .addProtocols("a", "href", "http", "https", "mailto")
      .addProtocols("img", "src", "https")
      .addEnforcedAttribute("a", "rel", "noopener nofollow");

  private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

  @Override
  public String toSafeHtml(String markdown) {
    String rendered = RENDERER.render(PARSER.parse(markdown));
    return Jsoup.clean(rendered, "", SAFELIST, OUTPUT);
  }

  @Override
  public String toText(String markdown) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode words) {
          text.append(words.text()); // whitespace collapsed, as a browser shows it
        } else if (node instanceof Element element && element.normalName().equals("br")) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          text.append('\n');
        }
      }
    }, Jsoup.parseBodyFragment(toSafeHtml(markdown)).body());
    return text.toString();
  }
}
