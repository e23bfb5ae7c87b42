package nl.klantportaal.knowledge.search.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import nl.klantportaal.knowledge.search.domain.ArticleFigures;
import nl.klantportaal.knowledge.search.domain.OpenedSuggestion;
import nl.klantportaal.knowledge.search.port.SuggestionLog;
import nl.klantportaal.knowledge.search.port.TicketsFiled;

/**
 * The suggestion figures per article for provider staff. First decides every opened suggestion whose
 * 30-minute window has ended: deflected when its user filed no ticket in the window (one keyed query of
 * the customer's tickets by creation time), each decided once; then reads the counters.
 */
public final class SearchStats {
  private final SuggestionLog log;
  private final TicketsFiled tickets;
  private final Clock clock;

  public SearchStats(SuggestionLog log, TicketsFiled tickets, Clock clock) {
    this.log = log;
    this.tickets = tickets;
    this.clock = clock;
  }

  public Stats execute() {
    Instant now = clock.instant();
    for (OpenedSuggestion opened : log.undecided(now.minus(OpenedSuggestion.WINDOW))) {
      if (opened.decidable(now)) {
        boolean filed = tickets.any(opened.tenantId(), opened.userId(), opened.openedAt(), opened.windowEnd());
        log.decide(opened, !filed);
      }
    }
    List<ArticleFigures> figures = log.figures().stream()
        .sorted(Comparator.comparingLong(ArticleFigures::shown).reversed().thenComparing(ArticleFigures::articleId))
        .toList();
    return new Stats(figures, log.undecidedCount());
  }

  public record Stats(List<ArticleFigures> articles, long undecided) {}
}
