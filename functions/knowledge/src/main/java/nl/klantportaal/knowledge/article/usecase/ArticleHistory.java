package nl.klantportaal.knowledge.article.usecase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import nl.klantportaal.knowledge.port.PeopleNames;

/** An article's versions for staff, each with the name of who made it (one look-up per person, not per version). */
public final class ArticleHistory {
  private final ArticleRepository articles;
  private final PeopleNames names;

  public ArticleHistory(ArticleRepository articles, PeopleNames names) {
    this.articles = articles;
    this.names = names;
  }

  /** One version: {@code actorName} is the person's name, or their user id when the account is gone. */
  public record Entry(long version, String updatedAt, String actor, String actorName, String state) {}

  public List<Entry> versions(String articleId) {
    if (articles.find(articleId).isEmpty()) {
      throw new DomainException.NotFound("Article");
    }
    Map<String, Optional<String>> known = new HashMap<>();
    return articles.versions(articleId).stream().map(v -> new Entry(v.version(), v.updatedAt().toString(), v.actor(),
        known.computeIfAbsent(v.actor(), names::name).orElse(v.actor()), v.state().wireName())).toList();
  }
}
