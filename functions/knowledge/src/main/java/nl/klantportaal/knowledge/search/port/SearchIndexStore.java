package nl.klantportaal.knowledge.search.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;

/** Where each language's index is kept, with the documents it was built from, on a version for conditional writes. */
public interface SearchIndexStore {

  /** The stored index's version (0 when there is none yet): a small read, made before each search. */
  long version(SearchLanguage language);

  /** The stored index, to search in. */
  Optional<Stored<InvertedIndex>> index(SearchLanguage language);

  /** The documents of the stored index (strongly consistent), to rebuild it; version 0 and none when there is none. */
  Stored<List<SearchDocument>> documents(SearchLanguage language);

  /** Stores a rebuilt index if the stored version is still {@code expectedVersion}; false if it moved on. */
  boolean save(SearchLanguage language, long expectedVersion, List<SearchDocument> documents, InvertedIndex index, Instant at);

  record Stored<T>(long version, T value) {}
}
