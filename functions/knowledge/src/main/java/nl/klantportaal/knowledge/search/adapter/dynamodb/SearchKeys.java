package nl.klantportaal.knowledge.search.adapter.dynamodb;

import java.time.Instant;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;

/**
 * The search's keys (docs/data-model.md, patterns 47e–47h): one index item per language, one item per
 * suggestion shown, the undecided opened suggestions in one partition by time, the figures per article in one.
 */
final class SearchKeys {
  static final String INDEX_SK = "INDEX";
  static final String SUGGESTION_SK = "SUGGESTION";
  static final String UNDECIDED = "KB#SUGGESTIONS#UNDECIDED";
  static final String FIGURES = "KB#SEARCH#FIGURES";
  static final String ARTICLE_PREFIX = "ARTICLE#";

  private SearchKeys() {}

  static String index(SearchLanguage language) {
    return "KB#SEARCH#INDEX#" + language.code();
  }

  static String suggestion(String suggestionId) {
    return "KB#SUGGESTION#" + suggestionId;
  }

  /** {@code <epoch millis, 13 digits>#<suggestion>#<article>}: sorts by the time it was opened. */
  static String undecided(Instant openedAt, String suggestionId, String articleId) {
    return openedBy(openedAt) + "#" + suggestionId + "#" + articleId;
  }

  /** The sort key bound of everything opened up to and including {@code at}. */
  static String openedBy(Instant at) {
    return String.format("%013d", at.toEpochMilli());
  }

  static String article(String articleId) {
    return ARTICLE_PREFIX + articleId;
  }
}
