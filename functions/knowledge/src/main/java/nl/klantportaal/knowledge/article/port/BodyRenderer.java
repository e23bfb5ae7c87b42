package nl.klantportaal.knowledge.article.port;

/** Turns an article's Markdown into HTML that is safe to insert into the portal's page as it is. */
public interface BodyRenderer {
  String toSafeHtml(String markdown);

  /**
   * The body's text as readers see it (no Markdown syntax, nothing the safe HTML drops), one line per block: a
   * paragraph, heading, list item or table cell ends its line, so the search finds where a sentence without a full
   * stop ends.
   */
  String toText(String markdown);
}
