package nl.klantportaal.knowledge.notice.domain;

import java.time.Instant;
import java.util.Map;
import nl.klantportaal.core.shared.domain.Language;

/** One entry of a notice's timeline: when, the status it set, and its text in every language. */
public record NoticeUpdate(Instant at, NoticeStatus status, Map<Language, String> texts, String actorId) {
  public NoticeUpdate {
    texts = Map.copyOf(texts);
    for (Language language : Language.values()) {
      if (!texts.containsKey(language)) {
        throw new IllegalArgumentException("An update has a text in every language");
      }
    }
  }

  public String text(Language language) {
    return texts.get(language);
  }
}
