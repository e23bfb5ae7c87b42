package nl.klantportaal.knowledge.article.port;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleVersion;
import nl.klantportaal.knowledge.article.domain.CountedArticle;

/**
 * The articles. Every write stores the article, a version entry and the audit entry in one transaction:
 * a create claims the id and the slug; a change holds only if the stored version is {@code next.version() - 1}
 * (else {@code Conflict VERSION}).
 */
public interface ArticleRepository {

  /** Stores a new article; false when its slug is taken (nothing written). */
  boolean create(Article article, AuditRecord audit);

  void update(Article next, AuditRecord audit);

  Optional<CountedArticle> find(String articleId);

  Optional<CountedArticle> findBySlug(String slug);

  /**
   * One page of one category's articles (by slug), or of all articles when {@code categoryId} is empty; every
   * state and visibility: the caller applies the reading rule, so a page may hold fewer than it asked for.
   */
  Page<CountedArticle> page(Optional<String> categoryId, PageRequest page);

  /** Every article (a knowledge base is hundreds, not millions: a keyed query, page by page). */
  List<CountedArticle> all();

  /** An article's history, oldest first. */
  List<ArticleVersion> versions(String articleId);
}
