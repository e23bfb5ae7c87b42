package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.util.List;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.domain.MailFeedback;
import nl.klantportaal.notifications.port.FailingAddresses;

/** SES's bounce and complaint notifications mark addresses failing, as inbound bounces do (docs/notifications.md). */
public final class RecordMailFeedback {
  private final FailingAddresses failing;
  private final Clock clock;

  public RecordMailFeedback(FailingAddresses failing, Clock clock) {
    this.failing = failing;
    this.clock = clock;
  }

  /** Marks what the feedback makes failing; answers how many addresses. */
  public int execute(MailFeedback feedback) {
    List<FailingAddress> marked = feedback.failing(clock.instant());
    marked.forEach(failing::mark);
    return marked.size();
  }
}
