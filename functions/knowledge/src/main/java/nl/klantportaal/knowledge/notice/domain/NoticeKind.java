package nl.klantportaal.knowledge.notice.domain;

import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.COMPLETED;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.IDENTIFIED;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.IN_PROGRESS;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.INVESTIGATING;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.MONITORING;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.RESOLVED;
import static nl.klantportaal.knowledge.notice.domain.NoticeStatus.SCHEDULED;

import java.util.Map;
import java.util.Set;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * What a notice is about, and the statuses it moves through:
 *
 * <ul>
 *   <li>an outage starts investigating, identified or monitoring, moves freely between those three (a relapse goes back to
 *       investigating) and ends resolved;</li>
 *   <li>maintenance starts scheduled or in progress; scheduled moves to in progress or completed (work done, or called
 *       off), in progress only to completed;</li>
 *   <li>information starts in progress and ends completed.</li>
 * </ul>
 *
 * An update may keep the status (more news, a new expected end); an ended notice takes no updates.
 */
public enum NoticeKind implements WireEnum {
  OUTAGE("outage", Set.of(INVESTIGATING, IDENTIFIED, MONITORING), Map.of(
      INVESTIGATING, Set.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED),
      IDENTIFIED, Set.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED),
      MONITORING, Set.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED))),
  MAINTENANCE("maintenance", Set.of(SCHEDULED, IN_PROGRESS), Map.of(
      SCHEDULED, Set.of(SCHEDULED, IN_PROGRESS, COMPLETED),
      IN_PROGRESS, Set.of(IN_PROGRESS, COMPLETED))),
  INFORMATION("information", Set.of(IN_PROGRESS), Map.of(
      IN_PROGRESS, Set.of(IN_PROGRESS, COMPLETED)));

  private final String wireName;
  private final Set<NoticeStatus> initial;
  private final Map<NoticeStatus, Set<NoticeStatus>> next;

  NoticeKind(String wireName, Set<NoticeStatus> initial, Map<NoticeStatus, Set<NoticeStatus>> next) {
    this.wireName = wireName;
    this.initial = initial;
    this.next = next;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The statuses a notice of this kind may start in. */
  public boolean startsIn(NoticeStatus status) {
    return initial.contains(status);
  }

  /** Whether an update may move a notice of this kind from {@code from} to {@code to}. */
  public boolean allows(NoticeStatus from, NoticeStatus to) {
    return next.getOrDefault(from, Set.of()).contains(to);
  }

  /** Every status this kind uses. */
  public Set<NoticeStatus> statuses() {
    var all = new java.util.HashSet<NoticeStatus>(initial);
    next.values().forEach(all::addAll);
    return Set.copyOf(all);
  }
}
