package nl.klantportaal.knowledge.article.adapter.dynamodb;

import java.util.Locale;

/**
 * The knowledge base's keys (docs/data-model.md, patterns 45–47d). Provider-wide, so no {@code TENANT#}
 * prefix: an article for one customer names it in {@code customerId} and the reading rule decides.
 */
final class KnowledgeKeys {
  /** The categories' partition (pattern 45): {@code SK = CATEGORY#<id>}. */
  static final String CATEGORIES = "KB";
  static final String CATEGORY_PREFIX = "CATEGORY#";
  static final String ARTICLE_SK = "ARTICLE";
  static final String VERSION_PREFIX = "VERSION#";
  static final String SLUG_SK = "SLUG";
  static final String CLAIM_SK = "CLAIM";
  /** Every article on GSI2 (pattern 47b): categories' counts and the staff's stats. */
  static final String ALL_ARTICLES = "KB#ARTICLES";

  private KnowledgeKeys() {}

  static String category(String categoryId) {
    return CATEGORY_PREFIX + categoryId;
  }

  /** {@code KB#ARTICLE#<id>}: the article ({@code ARTICLE}) and its versions ({@code VERSION#<v>}). */
  static String article(String articleId) {
    return "KB#ARTICLE#" + articleId;
  }

  static String version(long version) {
    return VERSION_PREFIX + String.format(Locale.ROOT, "%08d", version);
  }

  /** A category's articles on GSI1 by slug (pattern 46). */
  static String articlesOf(String categoryId) {
    return "KB#CATEGORY#" + categoryId;
  }

  /** The slug's claim, unique per article (pattern 47a). */
  static String slug(String slug) {
    return "KB#SLUG#" + slug;
  }

  /** A visitor's claim of one day (pattern 47c): only the keyed hash and its TTL. */
  static String claim(String hash) {
    return "KB#CLAIM#" + hash;
  }
}
