package nl.klantportaal.knowledge.notice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;

/**
 * A service notice: an outage, maintenance or information about one service, for every customer or some, with a title and
 * body in every language and a timeline of updates (oldest first). It is current until a status that ends it; then past,
 * and the public status page shows it for {@link #PAST_WINDOW} after it ended.
 */
public record Notice(String id, NoticeKind kind, String service, Affects affects, Instant startsAt, Optional<Instant> expectedEndAt,
    Optional<Instant> endedAt, NoticeStatus status, Map<Language, Text> texts, List<NoticeUpdate> updates, Instant createdAt,
    String createdBy, long version) {

  /** How long an ended notice stays on the status page and in the past lists. */
  public static final Duration PAST_WINDOW = Duration.ofDays(90);
  /** A notice's timeline holds at most this many updates (the item stays far below DynamoDB's 400 KB). */
  public static final int MAX_UPDATES = 50;

  /** A notice's title and body in one language. */
  public record Text(String title, String body) {}

  public Notice {
    texts = Map.copyOf(texts);
    updates = List.copyOf(updates);
    for (Language language : Language.values()) {
      if (!texts.containsKey(language)) {
        throw new IllegalArgumentException("A notice has a title and body in every language");
      }
    }
    if (!kind.statuses().contains(status)) {
      throw new IllegalArgumentException("A " + kind.wireName() + " notice is never " + status.wireName());
    }
    if (status.ends() != endedAt.isPresent()) {
      throw new IllegalArgumentException("A notice has ended exactly when its status ends it");
    }
  }

  /** A new notice in {@code status}, which must be one its kind starts in; the expected end, if any, after the start. */
  public static Notice open(String id, NoticeKind kind, String service, Affects affects, Instant startsAt,
                            Optional<Instant> expectedEndAt, NoticeStatus status, Map<Language, Text> texts, String actorId,
                            Instant now) {
    if (!kind.startsIn(status)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A new " + kind.wireName() + " notice cannot start as " + status.wireName());
    }
    expectedEndAt.ifPresent(end -> requireAfter(end, startsAt));
    return new Notice(id, kind, service, affects, startsAt, expectedEndAt, Optional.empty(), status, texts, List.of(), now,
        actorId, 1);
  }

  /** An updated notice, and what the update is mailed as: a changed status is, a kept one is not. */
  public record Updated(Notice notice, Optional<NoticeOccasion> occasion) {}

  /**
   * This notice with an update appended: its status moved (or kept), its expected end changed when one is given, ended at
   * {@code now} when the status ends it; the next version.
   */
  public Updated update(NoticeStatus to, Optional<Instant> newExpectedEnd, Map<Language, String> text, String actorId, Instant now) {
    if (!current()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "The notice has ended; it takes no updates");
    }
    if (!kind.allows(status, to)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A " + kind.wireName() + " notice cannot move from " + status.wireName() + " to " + to.wireName());
    }
    if (updates.size() >= MAX_UPDATES) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "The notice holds " + MAX_UPDATES + " updates already; open a new one");
    }
    newExpectedEnd.ifPresent(end -> requireAfter(end, startsAt));
    List<NoticeUpdate> timeline = new ArrayList<>(updates);
    timeline.add(new NoticeUpdate(now, to, text, actorId));
    Notice next = new Notice(id, kind, service, affects, startsAt, newExpectedEnd.or(() -> expectedEndAt),
        to.ends() ? Optional.of(now) : Optional.empty(), to, texts, timeline, createdAt, createdBy, version + 1);
    return new Updated(next, to == status ? Optional.empty() : Optional.of(NoticeOccasion.status(id, to)));
  }

  /** Not ended yet (planned maintenance that has not started counts as current). */
  public boolean current() {
    return endedAt.isEmpty();
  }

  /** Whether a customer's people may see it: it affects every customer, or this one. */
  public boolean visibleTo(TenantId customer) {
    return affects.includes(customer);
  }

  /** Whether the status page (and the past lists) show it at {@code now}: current, or ended within {@link #PAST_WINDOW}. */
  public boolean shownAt(Instant now) {
    return endedAt.map(ended -> !ended.isBefore(now.minus(PAST_WINDOW))).orElse(true);
  }

  private static void requireAfter(Instant end, Instant start) {
    if (!end.isAfter(start)) {
      throw new DomainException.InvalidInput(List.of(new nl.klantportaal.core.shared.domain.FieldError("expectedEndAt",
          "before-start", "must be after startsAt")));
    }
  }
}
