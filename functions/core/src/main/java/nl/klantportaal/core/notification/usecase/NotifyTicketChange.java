package nl.klantportaal.core.notification.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.identity.domain.UserProfile;
import nl.klantportaal.core.identity.port.UserRepository;
import nl.klantportaal.core.notification.domain.MailKind;
import nl.klantportaal.core.notification.domain.MailThreading;
import nl.klantportaal.core.notification.domain.OutboxEntry;
import nl.klantportaal.core.notification.domain.Recipient;
import nl.klantportaal.core.notification.domain.RecipientRules;
import nl.klantportaal.core.notification.domain.RetryPolicy;
import nl.klantportaal.core.notification.domain.TicketChange;
import nl.klantportaal.core.notification.domain.TicketMail;
import nl.klantportaal.core.notification.domain.TicketSnapshot;
import nl.klantportaal.core.notification.port.Outbox;
import nl.klantportaal.core.notification.port.TicketReader;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/**
 * Mails one customer-visible ticket change: finds the recipients, renders each mail in the
 * recipient's language, claims its outbox entry (a conditional put keyed by event, recipient and
 * kind) and only then sends it. A redelivered change finds its entries claimed and sends nothing.
 */
public final class NotifyTicketChange {
  /** Provider staff is read in pages of 100; more than this many pages would be a bug, not a big provider. */
  private static final int MAX_STAFF_PAGES = 20;

  public record Report(int sent, int retrying, int failed, int alreadyClaimed) {}

  public record Settings(String portalOrigin, String mailDomain, RetryPolicy policy) {}

  private final TicketReader tickets;
  private final UserRepository users;
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final Settings settings;
  private final Clock clock;

  public NotifyTicketChange(TicketReader tickets, UserRepository users, Outbox outbox, MailDelivery delivery,
      Settings settings, Clock clock) {
    this.tickets = tickets;
    this.users = users;
    this.outbox = outbox;
    this.delivery = delivery;
    this.settings = settings;
    this.clock = clock;
  }

  public Report execute(TicketChange change) {
    TicketSnapshot ticket = switch (change) {
      case TicketChange.Created c -> c.ticket();
      case TicketChange.StatusChanged s -> s.ticket();
      case TicketChange.PublicMessage m -> tickets.find(m.tenant(), m.number()).orElseThrow(() -> new IllegalStateException(
          "Message " + m.messageId() + " belongs to ticket " + m.tenant().value() + "/" + m.number() + ", which does not exist"));
    };
    MailKind kind = MailKind.of(change);
    List<Recipient> recipients = RecipientRules.of(change, ticket, users::find, this::allStaff);
    TicketMail.Details details = TicketMail.Details.of(change);
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    int claimed = 0;
    for (Recipient recipient : recipients) {
      OutboxEntry entry = entry(change, kind, ticket, details, recipient);
      Instant now = clock.instant();
      if (!outbox.claim(entry, now.plus(settings.policy().lease()))) {
        claimed++;
        continue;
      }
      switch (delivery.attempt(entry)) {
        case SENT, ALREADY_DONE -> sent++;
        case RETRY -> retrying++;
        case FAILED -> failed++;
      }
    }
    return new Report(sent, retrying, failed, claimed);
  }

  private OutboxEntry entry(TicketChange change, MailKind kind, TicketSnapshot ticket, TicketMail.Details details,
      Recipient recipient) {
    String id = MailThreading.outboxId(change.eventId(), recipient.id().value(), kind);
    TicketMail.Rendered mail = TicketMail.render(kind, recipient.language(), ticket, details, recipient,
        settings.portalOrigin());
    return new OutboxEntry(id, change.eventId(), kind, ticket.tenant(), ticket.number(), recipient.id().value(),
        recipient.email(), mail.subject(), mail.text(), mail.html(),
        MailThreading.messageId(ticket.tenant(), ticket.number(), id, settings.mailDomain()),
        MailThreading.rootId(ticket.tenant(), ticket.number(), settings.mailDomain()),
        OutboxEntry.State.PENDING, 1, Optional.empty(), clock.instant());
  }

  private List<UserProfile> allStaff() {
    List<UserProfile> staff = new ArrayList<>();
    PageRequest request = PageRequest.first(100);
    for (int i = 0; i < MAX_STAFF_PAGES; i++) {
      Page<UserProfile> page = users.staff(request);
      staff.addAll(page.items());
      if (page.nextCursor().isEmpty()) {
        return staff;
      }
      request = new PageRequest(page.nextCursor(), 100);
    }
    throw new IllegalStateException("More than " + MAX_STAFF_PAGES * 100 + " provider staff accounts");
  }
}
