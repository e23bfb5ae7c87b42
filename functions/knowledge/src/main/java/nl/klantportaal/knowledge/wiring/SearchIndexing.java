package nl.klantportaal.knowledge.wiring;

import java.util.List;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.port.BodyRenderer;
import nl.klantportaal.knowledge.article.port.PublishedArticles;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.domain.Visibility;
import nl.klantportaal.knowledge.search.usecase.SearchIndex;

/**
 * Keeps the search index in step with the articles (docs/knowledge.md, "Search"): a published article's language
 * versions are put in their languages' indexes, with the text of the body as readers see it (the sanitised HTML's
 * text, one line per block, so Markdown syntax is not searched); a withdrawn article leaves every index. An article that lost a language
 * version leaves that language's index, so no index keeps the version it no longer has.
 */
final class SearchIndexing implements PublishedArticles {
  private final SearchIndex index;
  private final BodyRenderer renderer;

  SearchIndexing(SearchIndex index, BodyRenderer renderer) {
    this.index = index;
    this.renderer = renderer;
  }

  @Override
  public void published(Article article) {
    List<SearchDocument> documents = documents(article);
    // Out of the languages it has no text in (a language it keeps is replaced in place, never taken out first).
    java.util.Set<SearchLanguage> missing = java.util.EnumSet.allOf(SearchLanguage.class);
    documents.forEach(document -> missing.remove(document.language()));
    if (!missing.isEmpty()) {
      index.remove(article.articleId(), missing);
    }
    index.putAll(documents);
  }

  @Override
  public void withdrawn(String articleId) {
    index.remove(articleId);
  }

  List<SearchDocument> documents(Article article) {
    Visibility visibility = Visibility.valueOf(article.visibility().name());
    String customer = article.customerId().map(c -> c.value()).orElse("");
    return article.texts().entrySet().stream()
        .map(entry -> new SearchDocument(article.articleId(), article.slug(),
            SearchLanguage.fromCode(entry.getKey().tag()).orElseThrow(), entry.getValue().title(),
            entry.getValue().summary(), renderer.toText(entry.getValue().bodyMarkdown()),
            article.tags(), article.categoryId(), visibility, customer))
        .toList();
  }
}
