package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;
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

  /**
   * Sends for a run of many mails to few addresses (the SLA due-events scan): each address's failing
   * mark and each recipient domain's route are read once for the batch, at their first mail (a mark or
   * route changed meanwhile counts from the next batch on), and the SENT marks are not written per mail
   * but together by {@link Batch#markSent()}. Until then a sent mail stays PENDING under its lease, as
   * between a send and its mark in {@link #attempt}. Safe to use from several threads.
   */
  public Batch batch() {
    return new Batch();
  }

  /** See {@link #batch()}. */
  public final class Batch {
    private final Map<String, Optional<FailingAddress>> marks = new ConcurrentHashMap<>();
    private final Map<String, Optional<MailRoute>> routesByDomain = new ConcurrentHashMap<>();
    private final Queue<Outbox.SentMark> sent = new ConcurrentLinkedQueue<>();

    private Batch() {}

    /**
     * {@link #attempt} for each of {@code entries}, with the batch's failing marks (the addresses not
     * seen yet in one read) and routes; {@link Outcome#SENT} means sent, its mark written by {@link #markSent()}.
     */
    public List<Outcome> attemptAll(List<OutboxEntry> entries) {
      List<String> unseen = entries.stream().map(OutboxEntry::to).distinct().filter(to -> !marks.containsKey(to)).toList();
      if (!unseen.isEmpty()) {
        Map<String, FailingAddress> found = failing.findAll(unseen);
        unseen.forEach(to -> marks.putIfAbsent(to, Optional.ofNullable(found.get(to))));
      }
      return entries.stream().map(entry -> attempt(entry, marks.get(entry.to()),
          domain -> routesByDomain.computeIfAbsent(domain, routes::find), mark -> sent.add(mark))).toList();
    }

    /** Writes the SENT marks of the mails this batch sent since the last call (see {@link Outbox#markAllSent}); how many. */
    public int markSent() {
      List<Outbox.SentMark> marked = new ArrayList<>();
      for (Outbox.SentMark mark = sent.poll(); mark != null; mark = sent.poll()) {
        marked.add(mark);
      }
      if (!marked.isEmpty()) {
        outbox.markAllSent(marked).forEach(id -> LOG.warn("Ticket mail was sent but outbox {} was no longer pending", id));
      }
      return marked.size();
    }
  }

  private Outcome attempt(OutboxEntry entry, Optional<FailingAddress> bounced) {
    return attempt(entry, bounced, routes::find,
        mark -> outbox.markSent(mark.id(), mark.at(), mark.providerMessageId()));
  }

  /**
   * {@code route}: the route of a recipient domain; {@code mark}: writes (or keeps for later) the SENT
   * mark, false when the entry was no longer PENDING.
   */
  private Outcome attempt(OutboxEntry entry, Optional<FailingAddress> bounced, Function<String, Optional<MailRoute>> route,
      Predicate<Outbox.SentMark> mark) {
    if (bounced.isPresent()) {
      // Mail to an address that bounced for good stops until staff clear it or the address changes.
      outbox.markFailed(entry.id(), clock.instant(), "address-failing:" + bounced.get().reason().wireName());
      LOG.warn("Mail not sent: outbox {} kind {} goes to an address marked failing since {} ({})", entry.id(), entry.kind(),
          bounced.get().since(), bounced.get().reason().wireName());
      return Outcome.ADDRESS_FAILING;
    }
    Sender from = senderFor(entry, route);
    String providerId;
    try {
      providerId = sender.send(new MailSender.ThreadedMail(from.fromAddress(), entry.to(), from.configurationSet(),
          entry.subject(), entry.text(), entry.html(), entry.messageId(), entry.threadRootId(),
          entry.attachment().stream().toList(), replyTo));
    } catch (MailSender.SendFailure e) {
      return failed(entry, e.reason());
    }
    if (!mark.test(new Outbox.SentMark(entry.id(), clock.instant(), providerId))) {
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

  private Sender senderFor(OutboxEntry entry, Function<String, Optional<MailRoute>> routeOf) {
    Sender byDomain = routeOf.apply(MailRoute.domainOf(entry.to()))
        .map(route -> new Sender(route.senderAddress(), Optional.of(route.configurationSet())))
        .orElse(defaultSender);
    return entry.kind().isAdministrative() ? new Sender(administrativeAddress, byDomain.configurationSet()) : byDomain;
  }
}
