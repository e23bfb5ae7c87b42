package nl.klantportaal.knowledge.notice.port;

import java.time.Instant;
import java.util.List;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;

/**
 * The occasions whose mail is still to be handed to the outbox: one is written with the change it announces and taken
 * off when every recipient's mail is claimed, so a run cut short (a timeout, a crash) is picked up again.
 */
public interface NoticeMailings {

  /** The pending occasions written before {@code before}, oldest first, at most {@code limit}. */
  List<NoticeOccasion> pending(Instant before, int limit);

  /** Takes the occasion off the pending list (again: nothing). */
  void done(NoticeOccasion occasion);
}
