package nl.klantportaal.knowledge.notice.usecase;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;

/** The language of an answer: {@code ?lang=} (nl, en, de) when given, else the request's Accept-Language. */
public final class AnswerLanguage {
  private AnswerLanguage() {}

  public static Language of(Optional<String> lang, Language fromHeader) {
    if (lang.isEmpty()) {
      return fromHeader;
    }
    return Arrays.stream(Language.values()).filter(l -> l.tag().equals(lang.get())).findFirst().orElseThrow(() ->
        new DomainException.InvalidInput(List.of(new FieldError("lang", "one-of", "must be one of [nl, en, de]"))));
  }
}
