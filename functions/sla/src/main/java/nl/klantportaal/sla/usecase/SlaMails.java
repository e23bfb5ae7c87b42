package nl.klantportaal.sla.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.TicketMail;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaCalendars;
import nl.klantportaal.sla.domain.SlaMail;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;

/**
 * Who the SLA mails of one due event go to, as outbox entries ready to claim: warnings and breaches
 * to the assignee (if active provider staff) or every active provider staff member, plus for a
 * critical ticket while the business calendar is closed the customer's on-call address or else the
 * provider's; reminders and priority drops to the reporter; and the on-call page of a critical ticket
 * raised out of hours ({@link #onCallPage}). Each entry's id is derived from the due
 * event and the recipient, so the same event never makes two entries for one recipient.
 */
public final class SlaMails {
  private final UserRepository users;
  private final CustomerRepository customers;
  private final SlaMailSettings settings;

  public SlaMails(UserRepository users, CustomerRepository customers, SlaMailSettings settings) {
    this.users = users;
    this.customers = customers;
    this.settings = settings;
  }

  /** Until when a claimed entry waits for this run's send before the mail retry job takes it. */
  public Instant lease(Instant now) {
    return now.plus(settings.retry().lease());
  }

  /** {@code calendars}: the provider's calendars in force, which say whether it is out of hours now. */
  public List<OutboxEntry> toStaff(Ticket ticket, PendingSlaEvent event, MailKind kind, SlaMail.About about,
      SlaCalendars calendars, Instant now) {
    List<OutboxEntry> mails = new ArrayList<>();
    for (UserProfile staff : staffFor(ticket, now)) {
      mails.add(entry(ticket, eventId(ticket, event), kind, staff.id().value(), staff.email(), staff.language(),
          staff.name().display(), about, now));
    }
    if (ticket.priority() == Priority.CRITICAL && !calendars.business().isOpen(now)) {
      onCall(ticket, eventId(ticket, event), kind, about, now).ifPresent(mails::add);
    }
    return mails;
  }

  /**
   * The on-call page of a critical ticket raised, or made critical, while the business calendar is
   * closed (seed: the storingsdienst hears of it at once, not only at the SLA warning); empty during
   * business hours, for another priority, or without an on-call address. {@code occasion} names the
   * moment (the create, or the change's version), so each one pages once.
   */
  public Optional<OutboxEntry> onCallPage(Ticket ticket, String occasion, SlaMail.About about, SlaCalendars calendars,
      Instant now) {
    if (ticket.priority() != Priority.CRITICAL || calendars.business().isOpen(now)) {
      return Optional.empty();
    }
    return onCall(ticket, "SLA#" + ticket.ref().token() + "#ONCALL#" + occasion, MailKind.SLA_ON_CALL, about, now);
  }

  /** To the customer's on-call address, or else the provider's, in the customer's language, greeting no one by name. */
  private Optional<OutboxEntry> onCall(Ticket ticket, String eventId, MailKind kind, SlaMail.About about, Instant now) {
    Optional<Customer> customer = customers.find(ticket.ref().tenant());
    Optional<String> onCall = customer.flatMap(Customer::onCallEmail).or(settings::providerOnCall);
    Language language = customer.map(Customer::language).orElse(Language.NL);
    return onCall.map(address -> entry(ticket, eventId, kind, "on-call", address, language, "", about, now));
  }

  /**
   * The reminder or priority drop to the reporter, by the rules of every customer-side ticket mail
   * (docs/notifications.md, "Recipients"): an active member of the ticket's own customer who wants ticket
   * mail. Someone who switched ticket mail off, or was moved to another customer, is not mailed; the
   * reminder and the drop still happen and show on the ticket.
   */
  public Optional<OutboxEntry> toReporter(Ticket ticket, PendingSlaEvent event, MailKind kind, SlaMail.About about,
      Instant now) {
    return users.find(ticket.reporter()).filter(p -> !p.isDeactivated())
        .filter(p -> p.membership() instanceof Membership.CustomerMember m && m.customer().equals(ticket.ref().tenant()))
        .filter(p -> p.settings().notifications().wants(AccountSettings.Topic.TICKETS))
        .map(reporter -> entry(ticket, eventId(ticket, event), kind, reporter.id().value(), reporter.email(), reporter.language(),
            reporter.name().display(), about, now));
  }

  /**
   * The assignee if active staff, else every active provider staff member. The staff list is read
   * once per scan run (a run is identified by its instant), not once per event.
   */
  private List<UserProfile> staffFor(Ticket ticket, Instant now) {
    Optional<UserProfile> assignee = ticket.assignee().flatMap(users::find)
        .filter(p -> p.membership() instanceof Membership.ProviderStaff);
    if (assignee.isPresent()) {
      return List.of(assignee.get());
    }
    RunStaff cached = runStaff;
    if (cached == null || !cached.at().equals(now)) {
      cached = new RunStaff(now, allStaff());
      runStaff = cached;
    }
    return cached.staff();
  }

  private volatile RunStaff runStaff;

  private record RunStaff(Instant at, List<UserProfile> staff) {}

  private List<UserProfile> allStaff() {
    List<UserProfile> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = users.staff(new PageRequest(cursor, 100));
      page.items().stream().filter(p -> p.membership() instanceof Membership.ProviderStaff).forEach(all::add);
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return List.copyOf(all);
  }

  private static String eventId(Ticket ticket, PendingSlaEvent event) {
    return "SLA#" + ticket.ref().token() + "#" + SlaRecord.key(event);
  }

  private OutboxEntry entry(Ticket ticket, String eventId, MailKind kind, String recipientId, String to,
      Language language, String name, SlaMail.About about, Instant now) {
    String id = MailThreading.outboxId(eventId, recipientId, kind);
    TicketMail.Rendered rendered = SlaMail.render(kind, language, about, name, settings.portalOrigin());
    long number = ticket.ref().number().value();
    return new OutboxEntry(id, eventId, kind, ticket.ref().tenant(), number, recipientId, to, rendered.subject(),
        rendered.text(), rendered.html(), MailThreading.messageId(ticket.ref().tenant(), number, id, settings.messageDomain()),
        MailThreading.rootId(ticket.ref().tenant(), number, settings.messageDomain()), OutboxEntry.State.PENDING, 1,
        Optional.of(lease(now)), now);
  }
}
