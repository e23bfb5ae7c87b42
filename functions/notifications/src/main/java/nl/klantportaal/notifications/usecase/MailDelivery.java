package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.domain.Sender;
import nl.klantportaal.notifications.port.FailingAddresses;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.port.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One send attempt of a claimed outbox entry, its attachment included. The sender is chosen by the
 * mail's purpose at each attempt: administrative mail ({@link MailKind#isAdministrative()}, the
 * invoices) comes from the administrative address, any other from the recipient domain's route or
 * the default. The configuration set is the route's if the recipient's domain has one, else the
 * default's, for administrative mail too: a route exists because that domain's servers accept only
 * that provider, and an invoice has to reach them as well. Success marks it SENT; a {@link MailSender.SendFailure} keeps it PENDING for the retry
 * job, or gives it up as FAILED once the policy's attempts are spent (logged at ERROR with the
 * outbox id, counted as {@code TicketMailFailed}). Anything else (DynamoDB down) propagates.
 */
public final class MailDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  /** {@code ADDRESS_FAILING}: not sent, the recipient's address is marked failing (a permanent bounce); the entry is FAILED. */
  public enum Outcome { SENT, RETRY, FAILED, ALREADY_DONE, ADDRESS_FAILING }

  private final Outbox outbox;
  private final MailRoutes routes;
  private final MailSender sender;
  private final Sender defaultSender;
  private final String administrativeAddress;
  private final RetryPolicy policy;
  private final FailingAddresses failing;
  private final Optional<String> replyTo;
  private final Clock clock;

  /**
   * {@code administrativeAddress} is where administrative mail comes from; a deployment without its own
   * passes the default sender's address ({@code ContextSettings.Mail#administrativeSenderAddress}).
   */
  public MailDelivery(Outbox outbox, MailRoutes routes, MailSender sender, Sender defaultSender, String administrativeAddress,
      RetryPolicy policy, FailingAddresses failing, Clock clock) {
    this(outbox, routes, sender, defaultSender, administrativeAddress, policy, failing, Optional.empty(), clock);
  }

  /** {@code replyTo}: the Reply-To of every mail (the support address, whose mail the inbound function reads). */
  public MailDelivery(Outbox outbox, MailRoutes routes, MailSender sender, Sender defaultSender, String administrativeAddress,
      RetryPolicy policy, FailingAddresses failing, Optional<String> replyTo, Clock clock) {
    this.replyTo = replyTo;
    this.outbox = outbox;
    this.routes = routes;
    this.sender = sender;
    this.defaultSender = defaultSender;
    this.administrativeAddress = administrativeAddress;
    this.policy = policy;
    this.failing = failing;
    this.clock = clock;
  }

  public Outcome attempt(OutboxEntry entry) {
    return attempt(entry, failing.find(entry.to()));
  }

  /** {@link #attempt} for each of {@code entries}, with one read of their addresses' failing marks for all. */
  public List<Outcome> attemptAll(List<OutboxEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Map<String, FailingAddress> marked = failing.findAll(entries.stream().map(OutboxEntry::to).distinct().toList());
    return entries.stream().map(entry -> attempt(entry, Optional.ofNullable(marked.get(entry.to())))).toList();
  }

  private Outcome attempt(OutboxEntry entry, Optional<FailingAddress> bounced) {
    if (bounced.isPresent()) {
      // Mail to an address that bounced for good stops until staff clear it or the address changes.
      outbox.markFailed(entry.id(), clock.instant(), "address-failing:" + bounced.get().reason().wireName());
      LOG.warn("Mail not sent: outbox {} kind {} goes to an address marked failing since {} ({})", entry.id(), entry.kind(),
          bounced.get().since(), bounced.get().reason().wireName());
      return Outcome.ADDRESS_FAILING;
    }
    Sender from = senderFor(entry);
    String providerId;
    try {
      providerId = sender.send(new MailSender.ThreadedMail(from.fromAddress(), entry.to(), from.configurationSet(),
          entry.subject(), entry.text(), entry.html(), entry.messageId(), entry.threadRootId(),
          entry.attachment().stream().toList(), replyTo));
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

  private Sender senderFor(OutboxEntry entry) {
    Sender byDomain = routes.find(MailRoute.domainOf(entry.to()))
        .map(route -> new Sender(route.senderAddress(), Optional.of(route.configurationSet())))
        .orElse(defaultSender);
    return entry.kind().isAdministrative() ? new Sender(administrativeAddress, byDomain.configurationSet()) : byDomain;
  }
}
