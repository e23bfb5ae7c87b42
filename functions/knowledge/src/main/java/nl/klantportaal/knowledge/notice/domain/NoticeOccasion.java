package nl.klantportaal.knowledge.notice.domain;

import java.util.Optional;

/**
 * Something about a notice that is mailed once to each recipient: its creation, or its move to a status. The key names
 * the notice and the occasion; the outbox claims a mail under key × recipient, so each is sent once whatever reruns.
 */
public record NoticeOccasion(String noticeId, Optional<NoticeStatus> status) {

  public static NoticeOccasion created(String noticeId) {
    return new NoticeOccasion(noticeId, Optional.empty());
  }

  public static NoticeOccasion status(String noticeId, NoticeStatus status) {
    return new NoticeOccasion(noticeId, Optional.of(status));
  }

  /** {@code created} or {@code status-<status>}. */
  public String name() {
    return status.map(s -> "status-" + s.wireName()).orElse("created");
  }

  /** The outbox's event key: {@code notice#<id>#<occasion>}. */
  public String eventKey() {
    return "notice#" + noticeId + "#" + name();
  }

  /** Reads {@link #name()} back. */
  public static NoticeOccasion parse(String noticeId, String name) {
    if (name.equals("created")) {
      return created(noticeId);
    }
    if (name.startsWith("status-")) {
      return status(noticeId, nl.klantportaal.core.shared.domain.WireEnum.parse(NoticeStatus.class, name.substring("status-".length())));
    }
    throw new IllegalArgumentException("Unknown notice occasion " + name);
  }
}
