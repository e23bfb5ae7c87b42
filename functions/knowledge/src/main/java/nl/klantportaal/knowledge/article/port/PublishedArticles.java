package nl.klantportaal.knowledge.article.port;

import nl.klantportaal.knowledge.article.domain.Article;

/**
 * Told after the write when an article is published, changed while published, or withdrawn (unpublished):
 * the seam for the search index (nl.klantportaal.knowledge.search), which is added to the list of listeners
 * when it is merged. Until then the list is empty (docs/knowledge.md, "Search").
 */
public interface PublishedArticles {
  void published(Article article);

  void withdrawn(String articleId);
}
