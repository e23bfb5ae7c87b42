package nl.klantportaal.knowledge.notice.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.port.NoticeRepository;

/**
 * Reading notices: the public status page (current, and past ended within 90 days; never the customers), a signed-in list
 * (a customer's people see the notices for every customer or their own, staff see all with whom they affect), one notice.
 */
public final class ViewNotices {
  /** At most this many past notices in a list (90 days of them stay far below it at the provider's scale). */
  static final int PAST_LIMIT = 200;

  private final NoticeRepository notices;
  private final Clock clock;

  public ViewNotices(NoticeRepository notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  public Map<String, Object> statusPage(Language language) {
    Instant now = clock.instant();
    return Map.of("current", views(notices.current(), n -> true, language, false),
        "past", views(notices.endedSince(now.minus(Notice.PAST_WINDOW), PAST_LIMIT), n -> true, language, false));
  }

  public Map<String, Object> list(Caller caller, Optional<String> state, Language language) {
    String which = state.orElse("current");
    List<Notice> found = switch (which) {
      case "current" -> notices.current();
      case "past" -> notices.endedSince(clock.instant().minus(Notice.PAST_WINDOW), PAST_LIMIT);
      default -> throw new DomainException.InvalidInput(List.of(new FieldError("state", "one-of", "must be one of [current, past]")));
    };
    return Map.of("items", views(found, n -> mayRead(caller, n), language, caller.role().isProviderStaff()));
  }

  public Map<String, Object> get(Caller caller, String noticeId, Language language) {
    return NoticeView.of(find(caller, noticeId), language, caller.role().isProviderStaff());
  }

  Notice find(Caller caller, String noticeId) {
    if (noticeId == null || !ManageNotices.ID.matcher(noticeId).matches()) {
      throw new DomainException.NotFound("Notice");
    }
    // A notice that does not concern the caller's customer answers as if it did not exist.
    return notices.find(noticeId).filter(n -> mayRead(caller, n)).orElseThrow(() -> new DomainException.NotFound("Notice"));
  }

  private static boolean mayRead(Caller caller, Notice notice) {
    return caller.role().isProviderStaff() || caller.tenant().map(notice::visibleTo).orElse(false);
  }

  private static List<Map<String, Object>> views(List<Notice> found, Predicate<Notice> readable, Language language, boolean staff) {
    return found.stream().filter(readable).map(n -> NoticeView.of(n, language, staff)).toList();
  }
}
