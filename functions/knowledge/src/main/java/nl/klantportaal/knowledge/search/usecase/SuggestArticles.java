package nl.klantportaal.knowledge.search.usecase;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.knowledge.search.domain.SearchHit;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.port.SuggestionLog;

/**
 * At most {@value #MAX} articles for the title of a ticket a customer's user is writing. A suggestion with
 * articles is recorded (its id, the user, the articles) and counts each article as shown once.
 */
public final class SuggestArticles {

  public static final int MAX = 3;

  private final SearchArticles search;
  private final SuggestionLog log;
  private final Clock clock;

  public SuggestArticles(SearchArticles search, SuggestionLog log, Clock clock) {
    this.search = search;
    this.log = log;
    this.clock = clock;
  }

  public Suggestions execute(Caller caller, SearchLanguage language, String title) {
    List<SearchHit> hits = search.execute(Readers.of(caller), language, "title", title, MAX);
    String suggestionId = "sug-" + UUID.randomUUID();
    if (!hits.isEmpty()) {
      log.shown(new SuggestionLog.Shown(suggestionId, caller.requireTenant().value(), caller.userId().value(),
          hits.stream().map(SearchHit::articleId).toList(), clock.instant()));
    }
    return new Suggestions(suggestionId, hits);
  }

  public record Suggestions(String suggestionId, List<SearchHit> hits) {}
}
