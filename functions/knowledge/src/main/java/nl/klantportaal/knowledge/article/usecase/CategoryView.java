package nl.klantportaal.knowledge.article.usecase;

import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.knowledge.article.domain.Category;

/** A category with the number of its articles the caller may read. */
public record CategoryView(String categoryId, String slug, TextInput names, int order, long articleCount, long version) {
  static CategoryView of(Category c, long articleCount) {
    return new CategoryView(c.categoryId(), c.slug(), TextInput.of(c.names()), c.order(), articleCount, c.version());
  }
}
