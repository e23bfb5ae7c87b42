package nl.klantportaal.notifications.usecase;

import java.time.Instant;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.port.Outbox;

/**
 * The scheduled resend: every PENDING outbox entry that is due (a failed send whose next attempt
 * has come, or a claim whose first send never finished) is taken with a conditional lease and sent
 * again; one that already used all its attempts is given up without another send.
 */
public final class RetryDueMail {
  private static final int LIMIT_PER_SHARD = 100;

  public record Report(int due, int sent, int retrying, int failed, int skipped) {}

  private final Outbox outbox;
  private final MailDelivery delivery;
  private final RetryPolicy policy;

  public RetryDueMail(Outbox outbox, MailDelivery delivery, RetryPolicy policy) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.policy = policy;
  }

  public Report execute(Instant now) {
    var ids = outbox.due(now, LIMIT_PER_SHARD);
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    int skipped = 0;
    for (String id : ids) {
      var found = outbox.find(id).filter(e -> e.state() == OutboxEntry.State.PENDING)
          .filter(e -> e.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false));
      if (found.isEmpty()) {
        skipped++;
        continue;
      }
      OutboxEntry seen = found.get();
      if (seen.attempts() >= policy.maxAttempts()) {
        delivery.giveUp(seen, "attempts-exhausted");
        failed++;
        continue;
      }
      if (!outbox.takeLease(seen, now.plus(policy.lease()))) {
        skipped++;
        continue;
      }
      OutboxEntry taken = outbox.find(id).orElseThrow();
      switch (delivery.attempt(taken)) {
        case SENT, ALREADY_DONE -> sent++;
        case RETRY -> retrying++;
        case FAILED, ADDRESS_FAILING -> failed++;
      }
    }
    return new Report(ids.size(), sent, retrying, failed, skipped);
  }
}
