package nl.klantportaal.knowledge.search.usecase;

import java.util.List;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.knowledge.search.domain.ReaderScope;
import nl.klantportaal.knowledge.search.domain.SearchHit;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;

/** Searches one language's published articles, ranked, filtered to what the reader may read. */
public final class SearchArticles {

  public static final int MAX_QUERY_LENGTH = 200;

  private final IndexCache indexes;

  public SearchArticles(IndexCache indexes) {
    this.indexes = indexes;
  }

  public List<SearchHit> execute(ReaderScope scope, SearchLanguage language, String field, String query, int limit) {
    String text = query.strip();
    if (text.isEmpty()) {
      throw new DomainException.InvalidInput(List.of(new FieldError(field, "required", "is required: the words to search for")));
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new DomainException.InvalidInput(List.of(new FieldError(field, "too-long",
          "must be at most " + MAX_QUERY_LENGTH + " characters")));
    }
    return indexes.current(language).search(text, scope, limit);
  }
}
