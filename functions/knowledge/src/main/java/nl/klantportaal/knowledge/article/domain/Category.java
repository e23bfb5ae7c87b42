package nl.klantportaal.knowledge.article.domain;

import java.time.Instant;
import nl.klantportaal.core.shared.domain.LocalizedText;

/** A heading of the knowledge base ("Hosting", "Microsoft 365"): its name in nl/en/de and its place in the list. */
public record Category(String categoryId, String slug, LocalizedText names, int order, Instant updatedAt, long version) {
  public Category {
    if (!Slugs.isSlug(slug)) {
      throw new IllegalArgumentException("A category slug is lower-case words joined by '-'");
    }
  }

  /** The same category with other names, slug and place, one version on. */
  public Category changed(String newSlug, LocalizedText newNames, int newOrder, Instant at) {
    return new Category(categoryId, newSlug, newNames, newOrder, at, version + 1);
  }
}
