package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.domain.Sender;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.port.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One send attempt of a claimed outbox entry: the sender is the recipient domain's route or the
 * default; success marks it SENT; a {@link MailSender.SendFailure} keeps it PENDING for the retry
 * job, or gives it up as FAILED once the policy's attempts are spent (logged at ERROR with the
 * outbox id, counted as {@code TicketMailFailed}). Anything else (DynamoDB down) propagates.
 */
public final class MailDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  public enum Outcome { SENT, RETRY, FAILED, ALREADY_DONE }

  private final Outbox outbox;
  private final MailRoutes routes;
  private final MailSender sender;
  private final Sender defaultSender;
  private final RetryPolicy policy;
  private final Clock clock;

  public MailDelivery(Outbox outbox, MailRoutes routes, MailSender sender, Sender defaultSender, RetryPolicy policy,
      Clock clock) {
    this.outbox = outbox;
    this.routes = routes;
    this.sender = sender;
    this.defaultSender = defaultSender;
    this.policy = policy;
    this.clock = clock;
  }

  public Outcome attempt(OutboxEntry entry) {
    Sender from = senderFor(entry.to());
    String providerId;
    try {
      providerId = sender.send(new MailSender.ThreadedMail(from.fromAddress(), entry.to(), from.configurationSet(),
          entry.subject(), entry.text(), entry.html(), entry.messageId(), entry.threadRootId()));
    } catch (MailSender.SendFailure e) {
      return failed(entry, e.reason());
    }
    if (!outbox.markSent(entry.id(), clock.instant(), providerId)) {
      LOG.warn("Ticket mail was sent but outbox {} was no longer pending", entry.id());
      return Outcome.ALREADY_DONE;
    }
    return Outcome.SENT;
  }

  private Outcome failed(OutboxEntry entry, String reason) {
    Instant now = clock.instant();
    Optional<Instant> next = policy.next(entry.attempts(), now);
    if (next.isPresent()) {
      outbox.markRetry(entry.id(), next.get(), reason);
      LOG.warn("Ticket mail send failed; retry planned at {} (attempt {} of {}, reason {})", next.get(), entry.attempts(),
          policy.maxAttempts(), reason);
      return Outcome.RETRY;
    }
    giveUp(entry, reason);
    return Outcome.FAILED;
  }

  /** Marks the entry FAILED and writes the alarm line: {@code "Ticket mail given up"} with the outbox id. */
  void giveUp(OutboxEntry entry, String reason) {
    outbox.markFailed(entry.id(), clock.instant(), reason);
    LOG.error("Ticket mail given up: outbox {} tenant {} ticket {} kind {} after {} attempts, last reason {}",
        entry.id(), entry.tenant().value(), entry.number(), entry.kind(), entry.attempts(), reason);
  }

  private Sender senderFor(String address) {
    return routes.find(MailRoute.domainOf(address))
        .map(route -> new Sender(route.senderAddress(), Optional.of(route.configurationSet())))
        .orElse(defaultSender);
  }
}
