package nl.klantportaal.knowledge.notice.usecase;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.knowledge.notice.domain.NoticeStatus;

/** An update to a notice ({@code POST /notices/{noticeId}/updates}): its status, a new expected end, its text in nl, en and de. */
public record NoticeUpdateInput(String status, String expectedEndAt, Texts texts) {
  static final int MAX_TEXT = 2000;

  public record Text(String text) {}

  public record Texts(Text nl, Text en, Text de) {}

  record Valid(NoticeStatus status, Optional<Instant> expectedEndAt, Map<Language, String> texts) {}

  Valid validate(Instant now) {
    Validation v = new Validation();
    Optional<NoticeStatus> s = v.requiredEnum("status", status, NoticeStatus.values(), NoticeStatus::wireName);
    Optional<Instant> end = NoticeInput.instant(v, "expectedEndAt", expectedEndAt, now, false);
    Map<Language, String> t = new EnumMap<>(Language.class);
    if (texts == null) {
      v.check(false, "texts", "required", "is required: the update's text in nl, en and de");
    } else {
      text(v, t, Language.NL, texts.nl());
      text(v, t, Language.EN, texts.en());
      text(v, t, Language.DE, texts.de());
    }
    v.throwIfInvalid();
    return new Valid(s.orElseThrow(), end, t);
  }

  private static void text(Validation v, Map<Language, String> into, Language language, Text text) {
    String field = "texts." + language.tag();
    if (text == null) {
      v.check(false, field, "required", "is required");
      return;
    }
    v.requiredMultilineText(field + ".text", text.text(), MAX_TEXT).ifPresent(value -> into.put(language, value));
  }
}
