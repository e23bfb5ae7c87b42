package nl.klantportaal.notifications.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.Recipient;
import nl.klantportaal.notifications.domain.RecipientRules;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.domain.TicketChange;
import nl.klantportaal.notifications.domain.TicketMail;
import nl.klantportaal.notifications.domain.TicketSnapshot;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.notifications.port.TicketReader;
import nl.klantportaal.ticketing.domain.MailLink;
import nl.klantportaal.ticketing.domain.MailLinkAction;
import nl.klantportaal.ticketing.domain.MailLinkSigner;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * Mails one customer-visible ticket change: finds the recipients, renders each mail in the
 * recipient's language, claims its outbox entry (a conditional put keyed by event, recipient and
 * kind) and only then sends it. A redelivered change finds its entries claimed and sends nothing.
 */
public final class NotifyTicketChange {
  /** People are read in pages of 100; more than this many pages would be a bug, not a big provider. */
  private static final int MAX_PAGES = 20;

  public record Report(int sent, int retrying, int failed, int alreadyClaimed) {}

  public record Settings(String portalOrigin, String mailDomain, RetryPolicy policy) {}

  private final TicketReader tickets;
  private final UserRepository users;
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final Settings settings;
  private final MailLinkSigner links;
  private final Clock clock;

  /** {@code links}: signs the one-click links of the resolved and closed mails (docs/tickets.md). */
  public NotifyTicketChange(TicketReader tickets, UserRepository users, Outbox outbox, MailDelivery delivery,
      Settings settings, MailLinkSigner links, Clock clock) {
    this.tickets = tickets;
    this.users = users;
    this.outbox = outbox;
    this.delivery = delivery;
    this.settings = settings;
    this.links = links;
    this.clock = clock;
  }

  public Report execute(TicketChange change) {
    TicketSnapshot ticket = switch (change) {
      case TicketChange.Created c -> c.ticket();
      case TicketChange.StatusChanged s -> s.ticket();
      case TicketChange.Approved a -> a.ticket();
      case TicketChange.PublicMessage m -> tickets.find(m.tenant(), m.number()).orElseThrow(() -> new IllegalStateException(
          "Message " + m.messageId() + " belongs to ticket " + m.tenant().value() + "/" + m.number() + ", which does not exist"));
    };
    MailKind kind = MailKind.of(change);
    List<Recipient> approvers = RecipientRules.approvers(change, ticket, () -> members(ticket));
    List<Recipient> recipients = RecipientRules.of(change, ticket, users::find, this::allStaff).stream()
        .filter(r -> approvers.stream().noneMatch(a -> a.id().equals(r.id()))).toList();
    TicketMail.Details details = TicketMail.Details.of(change);
    int[] counts = new int[4];
    for (Recipient recipient : recipients) {
      deliver(entry(change, kind, ticket, details, recipient), counts);
    }
    for (Recipient approver : approvers) {
      deliver(entry(change, MailKind.APPROVAL_REQUESTED, ticket, details, approver), counts);
    }
    return new Report(counts[0], counts[1], counts[2], counts[3]);
  }

  /** Claims the entry and sends it; counts sent, retrying, failed and already claimed. */
  private void deliver(OutboxEntry entry, int[] counts) {
    if (!outbox.claim(entry, clock.instant().plus(settings.policy().lease()))) {
      counts[3]++;
      return;
    }
    switch (delivery.attempt(entry)) {
      case SENT, ALREADY_DONE -> counts[0]++;
      case RETRY -> counts[1]++;
      case FAILED, ADDRESS_FAILING -> counts[2]++;
    }
  }

  private OutboxEntry entry(TicketChange change, MailKind kind, TicketSnapshot ticket, TicketMail.Details details,
      Recipient recipient) {
    String id = MailThreading.outboxId(change.eventId(), recipient.id().value(), kind);
    TicketMail.Rendered mail = TicketMail.render(kind, recipient.language(), ticket, details, recipient,
        settings.portalOrigin(), actionLinks(kind, ticket, recipient, id));
    return new OutboxEntry(id, change.eventId(), kind, ticket.tenant(), ticket.number(), recipient.id().value(),
        recipient.email(), mail.subject(), mail.text(), mail.html(),
        MailThreading.messageId(ticket.tenant(), ticket.number(), id, settings.mailDomain()),
        MailThreading.rootId(ticket.tenant(), ticket.number(), settings.mailDomain()),
        OutboxEntry.State.PENDING, 1, Optional.empty(), clock.instant());
  }

  /**
   * The recipient's one-click links: accept and reject in the resolved mail, the rating in the closed
   * mail; none for provider staff. A link's id comes from the outbox entry, so the same mail made
   * again (a redelivered change) carries the same single-use links.
   */
  private TicketMail.ActionLinks actionLinks(MailKind kind, TicketSnapshot ticket, Recipient recipient, String outboxId) {
    if (recipient.agent() || (kind != MailKind.RESOLVED && kind != MailKind.CLOSED)) {
      return TicketMail.ActionLinks.NONE;
    }
    TicketRef ref = new TicketRef(ticket.tenant(), new TicketNumber(ticket.number()));
    java.util.function.Function<MailLinkAction, Optional<String>> link = action -> Optional.of(settings.portalOrigin()
        + "/#/mail-link/" + links.sign(new MailLink(linkId(outboxId, action), ref, action, recipient.id(),
        clock.instant().plus(action.lifetime()))));
    return kind == MailKind.RESOLVED
        ? new TicketMail.ActionLinks(link.apply(MailLinkAction.ACCEPT), link.apply(MailLinkAction.REJECT), Optional.empty())
        : new TicketMail.ActionLinks(Optional.empty(), Optional.empty(), link.apply(MailLinkAction.RATE));
  }

  private static String linkId(String outboxId, MailLinkAction action) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest((outboxId + "|" + action.wireName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The ticket's customer's members (pattern 8, paged like staff). */
  private List<UserProfile> members(TicketSnapshot ticket) {
    return allPages(request -> users.ofCustomer(ticket.tenant(), request));
  }

  private List<UserProfile> allStaff() {
    return allPages(users::staff);
  }

  /** Every page of a keyed people query; more than {@link #MAX_PAGES} pages would be a bug, not a big provider. */
  private static List<UserProfile> allPages(java.util.function.Function<PageRequest, Page<UserProfile>> query) {
    List<UserProfile> people = new ArrayList<>();
    PageRequest request = PageRequest.first(100);
    for (int i = 0; i < MAX_PAGES; i++) {
      Page<UserProfile> page = query.apply(request);
      people.addAll(page.items());
      if (page.nextCursor().isEmpty()) {
        return people;
      }
      request = new PageRequest(page.nextCursor(), 100);
    }
    throw new IllegalStateException("More than " + MAX_PAGES * 100 + " accounts in one people query");
  }

}
