package nl.klantportaal.knowledge.search.usecase;

import java.util.List;
import nl.klantportaal.knowledge.search.domain.ArticleFigures;
import nl.klantportaal.knowledge.search.domain.SearchHit;

/** The JSON answers of the search routes (docs/openapi.yaml). */
public final class SearchViews {
  private SearchViews() {}

  public record Hit(String articleId, String slug, String title, String summary, double score, String categoryId) {
    static Hit of(SearchHit hit) {
      return new Hit(hit.articleId(), hit.slug(), hit.title(), hit.summary(), Math.round(hit.score() * 1000) / 1000.0,
          hit.categoryId());
    }
  }

  public record Hits(List<Hit> items) {
    public static Hits of(List<SearchHit> hits) {
      return new Hits(hits.stream().map(Hit::of).toList());
    }
  }

  public record Suggested(String articleId, String slug, String title, String summary) {}

  public record Suggestions(String suggestionId, List<Suggested> items) {
    public static Suggestions of(SuggestArticles.Suggestions suggestions) {
      return new Suggestions(suggestions.suggestionId(), suggestions.hits().stream()
          .map(h -> new Suggested(h.articleId(), h.slug(), h.title(), h.summary())).toList());
    }
  }

  public record Figures(String articleId, long shown, long opened, long deflected) {}

  public record Stats(List<Figures> items, long undecided) {
    public static Stats of(SearchStats.Stats stats) {
      return new Stats(stats.articles().stream().map(SearchViews::figures).toList(), stats.undecided());
    }
  }

  private static Figures figures(ArticleFigures f) {
    return new Figures(f.articleId(), f.shown(), f.opened(), f.deflected());
  }
}
