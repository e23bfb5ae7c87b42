package nl.klantportaal.knowledge.search.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import nl.klantportaal.core.shared.concurrent.Alongside;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.port.SearchIndexStore;

/**
 * What the article side calls when an article's language version is published ({@link #put}) and when an
 * article is withdrawn, unpublished or deleted ({@link #remove}). Each change rebuilds the language's index
 * from its stored documents and writes it on the version it read; a change that loses the race to another
 * reads again and retries after a short pause that doubles (with jitter, so two writers that collided do not
 * collide again). Drafts are never put: only published versions are searchable.
 *
 * <p>When every attempt lost, the article itself is saved already and its change is refused with a conflict
 * that says so; doing the same again (publish, unpublish) writes the index entry (see {@code ManageArticles}).
 */
public final class SearchIndex {

  static final int ATTEMPTS = 5;
  /** The pause after the first lost race; then 2, 4 and 8 times as long, each plus up to this much at random. */
  static final long FIRST_PAUSE_MILLIS = 20;

  private final SearchIndexStore store;
  private final Clock clock;

  public SearchIndex(SearchIndexStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Adds the document, or replaces the one of the same article in its language. */
  public void put(SearchDocument document) {
    change(document.language(), documents -> {
      List<SearchDocument> next = new ArrayList<>(documents.stream().filter(d -> !d.articleId().equals(document.articleId())).toList());
      next.add(document);
      return next;
    });
  }

  /** Adds or replaces many documents at once: one rebuild per language (demo seeding, a full reindex). */
  public void putAll(List<SearchDocument> documents) {
    for (SearchLanguage language : SearchLanguage.values()) {
      List<SearchDocument> ofLanguage = documents.stream().filter(d -> d.language() == language).toList();
      if (ofLanguage.isEmpty()) {
        continue;
      }
      Set<String> ids = ofLanguage.stream().map(SearchDocument::articleId).collect(Collectors.toSet());
      change(language, stored -> {
        List<SearchDocument> next = new ArrayList<>(stored.stream().filter(d -> !ids.contains(d.articleId())).toList());
        next.addAll(ofLanguage);
        return next;
      });
    }
  }

  /** Removes every language version of the article; an article that is not indexed changes nothing. */
  public void remove(String articleId) {
    for (SearchLanguage language : SearchLanguage.values()) {
      change(language, documents -> documents.stream().filter(d -> !d.articleId().equals(articleId)).toList());
    }
  }

  private void change(SearchLanguage language, UnaryOperator<List<SearchDocument>> edit) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        Alongside.pause((FIRST_PAUSE_MILLIS << (attempt - 1)) + ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS + 1),
            "another change of the " + language.code() + " search index");
      }
      SearchIndexStore.Stored<List<SearchDocument>> stored = store.documents(language);
      List<SearchDocument> next = edit.apply(stored.value());
      if (next.equals(stored.value())) {
        return;
      }
      if (store.save(language, stored.version(), next, InvertedIndex.build(language, next), clock.instant())) {
        return;
      }
    }
    throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The article is saved, but the "
        + language.code() + " search index kept changing, so search does not show this change yet: do the same again");
  }
}
