package nl.klantportaal.knowledge.search.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A suggested article a customer's user opened while writing a new ticket. It deflected that ticket when
 * the user filed no ticket in the {@link #WINDOW} after opening it; until the window has passed it is undecided.
 */
public record OpenedSuggestion(String suggestionId, String tenantId, String userId, String articleId, Instant openedAt) {

  public static final Duration WINDOW = Duration.ofMinutes(30);

  public Instant windowEnd() {
    return openedAt.plus(WINDOW);
  }

  public boolean decidable(Instant now) {
    return !now.isBefore(windowEnd());
  }
}
