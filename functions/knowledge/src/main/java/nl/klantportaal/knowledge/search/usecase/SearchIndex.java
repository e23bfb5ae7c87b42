package nl.klantportaal.knowledge.search.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
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
 * <p>When every attempt lost, the change is refused with a conflict; {@code ManageArticles} orders its writes so
 * that search never shows a draft, and a publish done again writes a missing entry.
 */
public final class SearchIndex {

  static final int ATTEMPTS = 5;
  /** The pause after the first lost race; then 2, 4 and 8 times as long, each plus up to this much at random. */
  static final long FIRST_PAUSE_MILLIS = 20;

  private final SearchIndexStore store;
  private final Clock clock;

  private final LongConsumer pause;

  public SearchIndex(SearchIndexStore store, Clock clock) {
    this(store, clock, millis -> Alongside.pause(millis, "another change of the search index"));
  }

  /** {@code pause}: waits that many milliseconds between attempts (a test records them). */
  SearchIndex(SearchIndexStore store, Clock clock, LongConsumer pause) {
    this.store = store;
    this.clock = clock;
    this.pause = pause;
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
    remove(articleId, List.of(SearchLanguage.values()));
  }

  /** Removes the article's versions in {@code languages}; a language that does not have it changes nothing. */
  public void remove(String articleId, java.util.Collection<SearchLanguage> languages) {
    for (SearchLanguage language : languages) {
      change(language, documents -> documents.stream().filter(d -> !d.articleId().equals(articleId)).toList());
    }
  }

  private void change(SearchLanguage language, UnaryOperator<List<SearchDocument>> edit) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        pause.accept((FIRST_PAUSE_MILLIS << (attempt - 1)) + ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS + 1));
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
    throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The " + language.code()
        + " search index kept changing, so search does not show this change yet; try again");
  }
}
