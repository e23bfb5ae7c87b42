package nl.klantportaal.knowledge.search.wiring;

import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.search.adapter.dynamodb.DynamoDbSearchIndexStore;
import nl.klantportaal.knowledge.search.adapter.dynamodb.DynamoDbSuggestionLog;
import nl.klantportaal.knowledge.search.adapter.dynamodb.DynamoDbTicketsFiled;
import nl.klantportaal.knowledge.search.usecase.IndexCache;
import nl.klantportaal.knowledge.search.usecase.RecordOpened;
import nl.klantportaal.knowledge.search.usecase.SearchArticles;
import nl.klantportaal.knowledge.search.usecase.SearchIndex;
import nl.klantportaal.knowledge.search.usecase.SearchStats;
import nl.klantportaal.knowledge.search.usecase.SuggestArticles;

/**
 * The knowledge base's search: the index in the table, searching it, suggestions and their figures.
 * {@link #index()} is what the article side calls on publish and withdrawal (docs/knowledge.md).
 */
public final class SearchWiring {
  private final KernelWiring kernel;
  private final DynamoDbSearchIndexStore store;
  private final DynamoDbSuggestionLog suggestions;
  private final IndexCache cache;

  private SearchWiring(KernelWiring kernel) {
    this.kernel = kernel;
    this.store = new DynamoDbSearchIndexStore(kernel.table());
    this.suggestions = new DynamoDbSuggestionLog(kernel.table());
    this.cache = new IndexCache(store);
  }

  public static SearchWiring of(KernelWiring kernel) {
    return new SearchWiring(kernel);
  }

  public SearchIndex index() {
    return new SearchIndex(store, kernel.clock());
  }

  public SearchArticles search() {
    return new SearchArticles(cache);
  }

  public SuggestArticles suggest() {
    return new SuggestArticles(search(), suggestions, kernel.clock());
  }

  public RecordOpened recordOpened() {
    return new RecordOpened(suggestions, kernel.clock());
  }

  public SearchStats stats() {
    return new SearchStats(suggestions, new DynamoDbTicketsFiled(kernel.table()), kernel.clock());
  }
}
