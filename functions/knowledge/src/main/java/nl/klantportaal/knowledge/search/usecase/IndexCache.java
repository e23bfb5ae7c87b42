package nl.klantportaal.knowledge.search.usecase;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.port.SearchIndexStore;

/**
 * The indexes a function instance has loaded, one per language, kept between invocations. Before each
 * search the stored version is read (one small GetItem of the version attribute); only when it differs
 * from the cached one is the whole index read and decoded again. A publish or withdrawal is therefore
 * seen by the next search of every warm instance.
 */
public final class IndexCache {
  private final SearchIndexStore store;
  private final Map<SearchLanguage, SearchIndexStore.Stored<InvertedIndex>> loaded = new EnumMap<>(SearchLanguage.class);

  public IndexCache(SearchIndexStore store) {
    this.store = store;
  }

  public synchronized InvertedIndex current(SearchLanguage language) {
    long version = store.version(language);
    SearchIndexStore.Stored<InvertedIndex> cached = loaded.get(language);
    if (cached != null && cached.version() == version) {
      return cached.value();
    }
    SearchIndexStore.Stored<InvertedIndex> fresh = version == 0
        ? new SearchIndexStore.Stored<>(0, InvertedIndex.build(language, List.of()))
        : store.index(language).orElseGet(() -> new SearchIndexStore.Stored<>(0, InvertedIndex.build(language, List.of())));
    loaded.put(language, fresh);
    return fresh.value();
  }
}
