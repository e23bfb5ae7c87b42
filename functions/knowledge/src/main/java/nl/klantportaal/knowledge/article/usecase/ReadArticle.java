package nl.klantportaal.knowledge.article.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.article.domain.ArticleCounts;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.domain.ReadingRule;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import nl.klantportaal.knowledge.article.port.ArticleVisits;
import nl.klantportaal.knowledge.article.port.BodyRenderer;

/**
 * One article with its sanitised body, counted as a read once per visitor per day. An article the reader may
 * not read is not found (404), whether it exists or not. Staff reads (editing, checking) and drafts are not
 * counted; staff get the edit view with every language's Markdown.
 */
public final class ReadArticle {
  private final ArticleRepository articles;
  private final ArticleVisits visits;
  private final BodyRenderer renderer;
  private final VisitorKey keys;
  private final Clock clock;

  public ReadArticle(ArticleRepository articles, ArticleVisits visits, BodyRenderer renderer, VisitorKey keys, Clock clock) {
    this.articles = articles;
    this.visits = visits;
    this.renderer = renderer;
    this.keys = keys;
    this.clock = clock;
  }

  /** A public article by its slug (the share link); {@code visitor} from {@link VisitorKey#anonymous}. */
  public ArticleView bySlug(String slug, Language language, String visitor) {
    return read(articles.findBySlug(slug), new Reader.Anonymous(), language, visitor);
  }

  /** An article by id for a signed-in reader; {@code visitor} from {@link VisitorKey#user}. */
  public ArticleView byId(Reader reader, String articleId, Language language, String visitor) {
    return read(articles.find(articleId), reader, language, visitor);
  }

  private ArticleView read(Optional<CountedArticle> found, Reader reader, Language language, String visitor) {
    CountedArticle counted = found.filter(c -> ReadingRule.mayRead(reader, c.article()))
        .orElseThrow(() -> new DomainException.NotFound("Article"));
    boolean staff = reader instanceof Reader.Staff;
    if (!staff && counted.article().isPublished()) {
      Instant now = clock.instant();
      String id = counted.article().articleId();
      if (visits.read(id, keys.claim(now, VisitorKey.Purpose.READ, id, visitor), VisitorKey.expiry(now))) {
        ArticleCounts c = counted.counts();
        counted = new CountedArticle(counted.article(), new ArticleCounts(c.reads() + 1, c.helpfulYes(), c.helpfulNo()));
      }
    }
    String body = renderer.toSafeHtml(counted.article().textFor(language).bodyMarkdown());
    return ArticleView.of(counted, language, Optional.of(body), staff, staff);
  }
}
