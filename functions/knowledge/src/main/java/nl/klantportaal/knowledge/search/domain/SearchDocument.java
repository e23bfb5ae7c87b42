package nl.klantportaal.knowledge.search.domain;

import java.util.List;
import java.util.Objects;

/**
 * One language version of a published article, as the article side hands it to the search index
 * ({@code SearchIndex.put}). {@code customerId} is empty unless the visibility is {@link Visibility#CUSTOMER}.
 */
public record SearchDocument(
    String articleId,
    String slug,
    SearchLanguage language,
    String title,
    String summary,
    String bodyText,
    List<String> tags,
    String categoryId,
    Visibility visibility,
    String customerId) {

  public SearchDocument {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(bodyText, "bodyText");
    tags = List.copyOf(tags);
    Objects.requireNonNull(categoryId, "categoryId");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(customerId, "customerId");
    if ((visibility == Visibility.CUSTOMER) == customerId.isEmpty()) {
      throw new IllegalArgumentException("a customer id goes with, and only with, the visibility CUSTOMER");
    }
  }
}
