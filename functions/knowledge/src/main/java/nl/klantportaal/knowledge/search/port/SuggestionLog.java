package nl.klantportaal.knowledge.search.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.knowledge.search.domain.ArticleFigures;
import nl.klantportaal.knowledge.search.domain.OpenedSuggestion;

/** The suggestions shown on the new-ticket page, the ones opened, and the figures per article. */
public interface SuggestionLog {

  /** Records a suggestion and counts each of its articles as shown once. */
  void shown(Shown suggestion);

  Optional<Shown> find(String suggestionId);

  /** Records an opened article of a suggestion as undecided; false when it was already opened (nothing counted twice). */
  boolean opened(OpenedSuggestion opened);

  /** The opened suggestions still undecided whose window has ended by {@code by}, oldest first. */
  List<OpenedSuggestion> undecided(Instant by);

  /** The number of opened suggestions not yet decided (their window is still open, or no one asked since). */
  long undecidedCount();

  /** Decides one (counts it deflected or not) once: false when another call decided it first. */
  boolean decide(OpenedSuggestion opened, boolean deflected);

  List<ArticleFigures> figures();

  record Shown(String suggestionId, String tenantId, String userId, List<String> articleIds, Instant at) {
    public Shown {
      articleIds = List.copyOf(articleIds);
    }
  }
}
