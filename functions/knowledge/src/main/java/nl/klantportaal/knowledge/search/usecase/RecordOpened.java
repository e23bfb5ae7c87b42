package nl.klantportaal.knowledge.search.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.knowledge.search.domain.OpenedSuggestion;
import nl.klantportaal.knowledge.search.port.SuggestionLog;

/**
 * A customer's user opened one of the articles suggested to them. Only the user the suggestion was shown to
 * can record it (anyone else gets 404); opening the same article again counts nothing more.
 */
public final class RecordOpened {
  private static final Pattern SUGGESTION_ID = Pattern.compile("sug-[0-9a-f-]{36}");

  private final SuggestionLog log;
  private final Clock clock;

  public RecordOpened(SuggestionLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  public void execute(Caller caller, String suggestionId, Input input) {
    if (!SUGGESTION_ID.matcher(suggestionId).matches()) {
      throw new DomainException.NotFound("Suggestion");
    }
    Validation v = new Validation();
    Optional<String> typed = v.requiredText("articleId", input == null ? null : input.articleId(), 128);
    v.throwIfInvalid();
    String articleId = typed.orElseThrow();
    SuggestionLog.Shown shown = log.find(suggestionId)
        .filter(s -> s.tenantId().equals(caller.requireTenant().value()) && s.userId().equals(caller.userId().value()))
        .orElseThrow(() -> new DomainException.NotFound("Suggestion"));
    if (!shown.articleIds().contains(articleId)) {
      throw new DomainException.InvalidInput(List.of(new FieldError("articleId", "not-suggested",
          "was not among the articles of this suggestion")));
    }
    log.opened(new OpenedSuggestion(suggestionId, shown.tenantId(), shown.userId(), articleId, clock.instant()));
  }

  /** The request body: the article opened. */
  public record Input(String articleId) {}
}
