package nl.klantportaal.knowledge.notice.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.knowledge.notice.domain.Affects;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeKind;
import nl.klantportaal.knowledge.notice.domain.NoticeStatus;

/** A new notice as provider staff post it ({@code POST /notices}); docs/knowledge.md lists the bounds. */
public record NoticeInput(String kind, String service, AffectsInput affects, String startsAt, String expectedEndAt, String status,
                          Texts texts) {
  static final int MAX_SERVICE = 100;
  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 4000;
  static final int MAX_CUSTOMERS = 200;
  /** A start or expected end at most this far from now. */
  static final Duration HORIZON = Duration.ofDays(366);

  /** {@code {"all": true}} or {@code {"customers": ["acme", …]}}. */
  public record AffectsInput(Boolean all, List<String> customers) {}

  public record Text(String title, String body) {}

  public record Texts(Text nl, Text en, Text de) {}

  record Valid(NoticeKind kind, String service, Affects affects, Instant startsAt, Optional<Instant> expectedEndAt,
               NoticeStatus status, Map<Language, Notice.Text> texts) {}

  Valid validate(Instant now) {
    Validation v = new Validation();
    Optional<NoticeKind> k = v.requiredEnum("kind", kind, NoticeKind.values(), NoticeKind::wireName);
    Optional<String> what = v.requiredText("service", service, MAX_SERVICE);
    Optional<Affects> who = affects(v, affects);
    Optional<Instant> start = instant(v, "startsAt", startsAt, now, true);
    Optional<Instant> end = instant(v, "expectedEndAt", expectedEndAt, now, false);
    Optional<NoticeStatus> s = v.requiredEnum("status", status, NoticeStatus.values(), NoticeStatus::wireName);
    Map<Language, Notice.Text> t = new EnumMap<>(Language.class);
    if (texts == null) {
      v.check(false, "texts", "required", "is required: a title and body in nl, en and de");
    } else {
      text(v, t, Language.NL, texts.nl());
      text(v, t, Language.EN, texts.en());
      text(v, t, Language.DE, texts.de());
    }
    if (start.isPresent() && end.isPresent()) {
      v.check(end.get().isAfter(start.get()), "expectedEndAt", "before-start", "must be after startsAt");
    }
    v.throwIfInvalid();
    return new Valid(k.orElseThrow(), what.orElseThrow(), who.orElseThrow(), start.orElseThrow(), end, s.orElseThrow(), t);
  }

  private static void text(Validation v, Map<Language, Notice.Text> into, Language language, Text text) {
    String field = "texts." + language.tag();
    if (text == null) {
      v.check(false, field, "required", "is required: a title and body");
      return;
    }
    Optional<String> title = v.requiredText(field + ".title", text.title(), MAX_TITLE);
    Optional<String> body = v.requiredMultilineText(field + ".body", text.body(), MAX_BODY);
    if (title.isPresent() && body.isPresent()) {
      into.put(language, new Notice.Text(title.get(), body.get()));
    }
  }

  private static Optional<Affects> affects(Validation v, AffectsInput input) {
    if (input == null) {
      v.check(false, "affects", "required", "is required: {\"all\": true} or {\"customers\": [...]}");
      return Optional.empty();
    }
    boolean all = Boolean.TRUE.equals(input.all());
    if (all == (input.customers() != null)) {
      v.check(false, "affects", "one-of", "must be either {\"all\": true} or {\"customers\": [...]} with at least one customer");
      return Optional.empty();
    }
    if (all) {
      return Optional.of(new Affects.All());
    }
    Set<TenantId> customers = new LinkedHashSet<>();
    if (input.customers().isEmpty() || input.customers().size() > MAX_CUSTOMERS) {
      v.check(false, "affects.customers", "size", "must name 1 to " + MAX_CUSTOMERS + " customers");
      return Optional.empty();
    }
    for (String id : input.customers()) {
      if (!TenantId.isValid(id)) {
        v.check(false, "affects.customers", "format", "must be customer ids");
        return Optional.empty();
      }
      customers.add(new TenantId(id));
    }
    return Optional.of(new Affects.Customers(customers));
  }

  static Optional<Instant> instant(Validation v, String field, String value, Instant now, boolean required) {
    if (value == null) {
      v.check(!required, field, "required", "is required: an ISO-8601 instant");
      return Optional.empty();
    }
    try {
      Instant at = Instant.parse(value);
      if (at.isBefore(now.minus(HORIZON)) || at.isAfter(now.plus(HORIZON))) {
        v.check(false, field, "range", "must be within a year of now");
        return Optional.empty();
      }
      return Optional.of(at);
    } catch (DateTimeParseException e) {
      v.check(false, field, "format", "must be an ISO-8601 instant such as 2026-12-06T09:30:00Z");
      return Optional.empty();
    }
  }
}
