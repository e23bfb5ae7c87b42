package nl.klantportaal.knowledge.notice.domain;

import nl.klantportaal.core.shared.domain.WireEnum;

/** Where a notice stands; {@link #RESOLVED} and {@link #COMPLETED} end it. Which kind may use which: {@link NoticeKind}. */
public enum NoticeStatus implements WireEnum {
  INVESTIGATING("investigating"), IDENTIFIED("identified"), MONITORING("monitoring"), RESOLVED("resolved"),
  SCHEDULED("scheduled"), IN_PROGRESS("in-progress"), COMPLETED("completed");

  private final String wireName;

  NoticeStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** A status that ends the notice: it moves from current to past. */
  public boolean ends() {
    return this == RESOLVED || this == COMPLETED;
  }
}
