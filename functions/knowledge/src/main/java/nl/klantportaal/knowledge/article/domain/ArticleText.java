package nl.klantportaal.knowledge.article.domain;

/** One language version of an article: its title, a one-paragraph summary and the Markdown body. */
public record ArticleText(String title, String summary, String bodyMarkdown) {
  public static final int MAX_TITLE = 160;
  public static final int MAX_SUMMARY = 500;
  public static final int MAX_BODY = 40_000;

  public ArticleText {
    if (title == null || title.isBlank() || summary == null || bodyMarkdown == null || bodyMarkdown.isBlank()) {
      throw new IllegalArgumentException("An article text needs a title and a body");
    }
  }
}
