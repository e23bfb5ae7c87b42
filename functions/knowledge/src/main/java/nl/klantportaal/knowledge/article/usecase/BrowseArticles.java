package nl.klantportaal.knowledge.article.usecase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.domain.ReadingRule;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import nl.klantportaal.knowledge.article.port.CategoryRepository;

/**
 * The categories with what the reader may read in them, and the articles of a category page by page (without
 * their bodies), both through {@link ReadingRule}. Provider staff see every category, empty ones too; others
 * the categories that hold at least one article they may read.
 */
public final class BrowseArticles {
  private final ArticleRepository articles;
  private final CategoryRepository categories;

  public BrowseArticles(ArticleRepository articles, CategoryRepository categories) {
    this.articles = articles;
    this.categories = categories;
  }

  public record ArticlePage(List<ArticleView> items, Optional<String> cursor) {}

  public Map<String, List<CategoryView>> categories(Reader reader) {
    Map<String, Long> counts = new HashMap<>();
    for (CountedArticle counted : articles.all()) {
      if (ReadingRule.mayRead(reader, counted.article())) {
        counts.merge(counted.article().categoryId(), 1L, Long::sum);
      }
    }
    boolean staff = reader instanceof Reader.Staff;
    return Map.of("items", categories.all().stream()
        .filter(c -> staff || counts.getOrDefault(c.categoryId(), 0L) > 0)
        .map(c -> CategoryView.of(c, counts.getOrDefault(c.categoryId(), 0L))).toList());
  }

  public ArticlePage list(Reader reader, Optional<String> categoryId, Language language, PageRequest page) {
    if (categoryId.isPresent() && categories.find(categoryId.get()).isEmpty()) {
      throw new DomainException.NotFound("Category");
    }
    var found = articles.page(categoryId, page);
    boolean staff = reader instanceof Reader.Staff;
    return new ArticlePage(found.items().stream().filter(c -> ReadingRule.mayRead(reader, c.article()))
        .map(c -> ArticleView.of(c, language, Optional.empty(), staff, false)).toList(), found.nextCursor());
  }
}
