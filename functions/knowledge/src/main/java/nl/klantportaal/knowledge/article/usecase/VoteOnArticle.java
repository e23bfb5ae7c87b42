package nl.klantportaal.knowledge.article.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.domain.ReadingRule;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import nl.klantportaal.knowledge.article.port.ArticleVisits;

/**
 * "Was this helpful?": yes or no on a published article the voter may read, counted once per visitor per day
 * (a second vote that day, either way, changes nothing and is still answered 204: the voter cannot tell).
 */
public final class VoteOnArticle {
  private final ArticleRepository articles;
  private final ArticleVisits visits;
  private final VisitorKey keys;
  private final Clock clock;

  public VoteOnArticle(ArticleRepository articles, ArticleVisits visits, VisitorKey keys, Clock clock) {
    this.articles = articles;
    this.visits = visits;
    this.keys = keys;
    this.clock = clock;
  }

  /** The body of a vote. */
  public record Vote(Boolean helpful) {}

  public void bySlug(String slug, Vote vote, String visitor) {
    vote(articles.findBySlug(slug), new Reader.Anonymous(), vote, visitor);
  }

  public void byId(Reader reader, String articleId, Vote vote, String visitor) {
    vote(articles.find(articleId), reader, vote, visitor);
  }

  private void vote(Optional<CountedArticle> found, Reader reader, Vote vote, String visitor) {
    Validation v = new Validation();
    v.check(vote.helpful() != null, "helpful", "required", "is required: true or false");
    v.throwIfInvalid();
    CountedArticle counted = found.filter(c -> c.article().isPublished() && ReadingRule.mayRead(reader, c.article()))
        .orElseThrow(() -> new DomainException.NotFound("Article"));
    Instant now = clock.instant();
    String id = counted.article().articleId();
    visits.vote(id, vote.helpful(), keys.claim(now, VisitorKey.Purpose.VOTE, id, visitor), VisitorKey.expiry(now));
  }
}
