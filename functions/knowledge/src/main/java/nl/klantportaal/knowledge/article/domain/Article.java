package nl.klantportaal.knowledge.article.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * A knowledge-base article: its stable slug (the share link), category, visibility (with the one customer
 * when it is {@link Visibility#CUSTOMER}), state, tags and its language versions (at least one of nl, en, de).
 * {@code version} counts changes; every change is a new version (docs/knowledge.md).
 */
public record Article(
    String articleId,
    String slug,
    String categoryId,
    Visibility visibility,
    Optional<TenantId> customerId,
    ArticleState state,
    List<String> tags,
    Map<Language, ArticleText> texts,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy,
    long version) {

  /** The order in which a reader who asked for a missing language gets another one. */
  private static final List<Language> FALLBACK = List.of(Language.NL, Language.EN, Language.DE);

  public Article {
    tags = List.copyOf(tags);
    texts = Map.copyOf(texts);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("An article has at least one language version");
    }
    if ((visibility == Visibility.CUSTOMER) != customerId.isPresent()) {
      throw new IllegalArgumentException("A customer id exactly when the visibility is one customer");
    }
    if (!Slugs.isSlug(slug)) {
      throw new IllegalArgumentException("Not a slug: " + slug);
    }
  }

  /** The languages this article is written in, in the portal's order (nl, en, de). */
  public List<Language> languages() {
    return Arrays.stream(Language.values()).filter(texts::containsKey).toList();
  }

  /** The language a reader who asked for {@code wanted} gets: that one, else nl, en, de in that order. */
  public Language languageFor(Language wanted) {
    if (texts.containsKey(wanted)) {
      return wanted;
    }
    return FALLBACK.stream().filter(texts::containsKey).findFirst().orElseThrow();
  }

  public ArticleText textFor(Language wanted) {
    return texts.get(languageFor(wanted));
  }

  public boolean isPublished() {
    return state == ArticleState.PUBLISHED;
  }

  /** The same article with new content (slug and state kept), one version on. */
  public Article edited(String newCategory, Visibility newVisibility, Optional<TenantId> newCustomer, List<String> newTags,
      Map<Language, ArticleText> newTexts, Instant at, String by) {
    return new Article(articleId, slug, newCategory, newVisibility, newCustomer, state, newTags, newTexts, createdAt, at, by,
        version + 1);
  }

  /** The same article in {@code newState}, one version on. */
  public Article inState(ArticleState newState, Instant at, String by) {
    return new Article(articleId, slug, categoryId, visibility, customerId, newState, tags, texts, createdAt, at, by,
        version + 1);
  }
}
