package nl.klantportaal.knowledge.article.port;

import java.time.Instant;

/**
 * Reads and votes, each counted once per visitor per day: a claim keyed by the visitor's daily hash is put
 * only if it is new, and the article's counter moves in the same transaction, so the count equals the
 * number of claims.
 */
public interface ArticleVisits {

  /** Counts a read; false when this claim was already counted today (nothing changed). */
  boolean read(String articleId, String claim, Instant expiresAt);

  /** Counts a vote; false when this visitor already voted on this article today (nothing changed). */
  boolean vote(String articleId, boolean helpful, String claim, Instant expiresAt);
}
