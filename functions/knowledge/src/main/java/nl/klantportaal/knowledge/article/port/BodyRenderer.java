package nl.klantportaal.knowledge.article.port;

/** Turns an article's Markdown into HTML that is safe to insert into the portal's page as it is. */
public interface BodyRenderer {
  String toSafeHtml(String markdown);
}
