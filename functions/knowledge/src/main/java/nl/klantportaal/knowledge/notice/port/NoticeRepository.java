package nl.klantportaal.knowledge.notice.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;

/**
 * Service notices. Every write carries its audit entry and, when the change is mailed, the occasion's pending mailing
 * ({@link NoticeMailings}), in one transaction; writes are conditional (a new id, the version read).
 */
public interface NoticeRepository {

  /** Stores a new notice; a taken id is a conflict. */
  void create(Notice notice, NoticeOccasion mailing, AuditRecord audit);

  /** Stores {@code next} if the stored version is the one before it; otherwise a version conflict. */
  void update(Notice next, Optional<NoticeOccasion> mailing, AuditRecord audit);

  Optional<Notice> find(String id);

  /** Every current notice, by start. */
  List<Notice> current();

  /** The notices that ended at or after {@code since}, the latest ended first, at most {@code limit}. */
  List<Notice> endedSince(Instant since, int limit);
}
