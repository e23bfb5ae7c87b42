package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.util.Optional;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.port.Outbox;

/**
 * Sends at once an outbox entry another transaction wrote PENDING (an on-call page written with its
 * ticket): takes it with the same conditional lease as the retry job, so whichever comes first sends
 * it and the other finds it taken or sent; an entry no longer PENDING is left alone. A failed send
 * stays with the retry job.
 */
public final class SendPendingMail {
  public enum Result { SENT, NOT_PENDING, TAKEN_BY_ANOTHER, RETRYING, FAILED }

  private final Outbox outbox;
  private final MailDelivery delivery;
  private final RetryPolicy policy;
  private final Clock clock;

  public SendPendingMail(Outbox outbox, MailDelivery delivery, RetryPolicy policy, Clock clock) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.policy = policy;
    this.clock = clock;
  }

  public Result execute(String outboxId) {
    Optional<OutboxEntry> seen = outbox.find(outboxId).filter(e -> e.state() == OutboxEntry.State.PENDING);
    if (seen.isEmpty()) {
      return Result.NOT_PENDING;
    }
    if (!outbox.takeLease(seen.get(), clock.instant().plus(policy.lease()))) {
      return Result.TAKEN_BY_ANOTHER;
    }
    return switch (delivery.attempt(outbox.find(outboxId).orElseThrow())) {
      case SENT, ALREADY_DONE -> Result.SENT;
      case RETRY -> Result.RETRYING;
      case FAILED, ADDRESS_FAILING -> Result.FAILED;
    };
  }
}
