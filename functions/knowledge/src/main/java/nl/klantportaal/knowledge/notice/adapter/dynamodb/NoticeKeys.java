package nl.klantportaal.knowledge.notice.adapter.dynamodb;

import java.time.Instant;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;

/**
 * The notices' keys (docs/data-model.md, "Service notices"). Notices are provider-wide, like the catalogue: one partition
 * per notice, and two list partitions on GSI1 (current by start, past by end), which a notice moves between in its write.
 */
final class NoticeKeys {
  static final String NOTICE_SK = "NOTICE";
  static final String CURRENT = "NOTICES#CURRENT";
  static final String PAST = "NOTICES#PAST";
  static final String MAILING = "NOTICES#MAILING";

  private NoticeKeys() {}

  static String notice(String id) {
    return "NOTICE#" + id;
  }

  /** The list partition a notice is in. */
  static String list(Notice notice) {
    return notice.current() ? CURRENT : PAST;
  }

  /** Current notices sort by start, past ones by end: {@code <instant>#<id>}. */
  static String listSort(Notice notice) {
    return (notice.current() ? notice.startsAt() : notice.endedAt().orElseThrow()) + "#" + notice.id();
  }

  static String mailingSk(NoticeOccasion occasion) {
    return "MAILING#" + occasion.name();
  }

  static String mailingSort(Instant at, NoticeOccasion occasion) {
    return at + "#" + occasion.noticeId() + "#" + occasion.name();
  }
}
