package nl.klantportaal.knowledge.article.usecase;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.port.ArticleRepository;

/**
 * Per article for provider staff: reads, the reader band and the helpful votes, most read first. The
 * suggestion figures (shown, opened, deflected) come with the search part (docs/knowledge.md).
 */
public final class ArticleStats {
  private final ArticleRepository articles;

  public ArticleStats(ArticleRepository articles) {
    this.articles = articles;
  }

  public record Line(String articleId, String slug, String title, String state, long reads, String readerBand,
      ArticleView.Helpful helpful) {}

  public Map<String, List<Line>> execute(Language language) {
    return Map.of("items", articles.all().stream()
        .sorted(Comparator.comparingLong((CountedArticle c) -> c.counts().reads()).reversed()
            .thenComparing(c -> c.article().slug()))
        .map(c -> new Line(c.article().articleId(), c.article().slug(), c.article().textFor(language).title(),
            c.article().state().wireName(), c.counts().reads(), c.counts().band().wireName(),
            new ArticleView.Helpful(c.counts().helpfulYes(), c.counts().helpfulNo())))
        .toList());
  }
}
