package nl.klantportaal.core.sla.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.customer.domain.Customer;
import nl.klantportaal.core.customer.port.CustomerRepository;
import nl.klantportaal.core.identity.domain.Membership;
import nl.klantportaal.core.identity.domain.UserProfile;
import nl.klantportaal.core.identity.port.UserRepository;
import nl.klantportaal.core.notification.domain.MailKind;
import nl.klantportaal.core.notification.domain.MailThreading;
import nl.klantportaal.core.notification.domain.OutboxEntry;
import nl.klantportaal.core.notification.domain.TicketMail;
import nl.klantportaal.core.notification.port.Outbox;
import nl.klantportaal.core.notification.usecase.MailDelivery;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.sla.domain.PendingSlaEvent;
import nl.klantportaal.core.sla.domain.SlaCalendars;
import nl.klantportaal.core.sla.domain.SlaChange;
import nl.klantportaal.core.sla.domain.SlaClock;
import nl.klantportaal.core.sla.domain.SlaEvent;
import nl.klantportaal.core.sla.domain.SlaMail;
import nl.klantportaal.core.sla.domain.SlaRecord;
import nl.klantportaal.core.sla.domain.SlaState;
import nl.klantportaal.core.sla.domain.TargetStatus;
import nl.klantportaal.core.sla.port.SlaRecords;
import nl.klantportaal.core.ticket.domain.Actor;
import nl.klantportaal.core.ticket.domain.Priority;
import nl.klantportaal.core.ticket.domain.Ticket;
import nl.klantportaal.core.ticket.domain.TicketAudit;
import nl.klantportaal.core.ticket.port.DueEntry;
import nl.klantportaal.core.ticket.port.TicketRepository;
import nl.klantportaal.core.ticket.port.TicketRepository.TicketChange;

/**
 * Fires one due SLA event, at most once however many scans read it (docs/sla.md):
 *
 * <ul>
 *   <li>The ticket's SLA record is read again; an entry no longer pending there is removed (conditionally).
 *   <li>WARNING_80 / DEADLINE: mails to the assignee, or every active provider staff member when
 *       unassigned, plus — for a critical ticket out of business hours — the customer's on-call
 *       address or else the provider's; the mails go into the outbox in the same transaction that
 *       deletes the entry only if it is unchanged ({@code DueSK = :seen}), so a second scan finds
 *       nothing and a failed send is retried by the mail retry job. A deadline counts a breach.
 *   <li>OUTCOME: counts the reached target (met or late) into the customer's month.
 *   <li>CUSTOMER_REMINDER / PRIORITY_DROP: a ticket change by {@code system} (audited, versioned like
 *       any other) and a mail to the reporter, claimed in the outbox before the change.
 * </ul>
 */
public final class FireSlaEvent {
  public enum Outcome { FIRED, DROPPED, RACED }

  private final TicketRepository tickets;
  private final SlaRecords records;
  private final CustomerRepository customers;
  private final UserRepository users;
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final SlaClock clock;
  private final SlaCalendars calendars;
  private final SlaMailSettings settings;

  public FireSlaEvent(TicketRepository tickets, SlaRecords records, CustomerRepository customers, UserRepository users,
      Outbox outbox, MailDelivery delivery, SlaClock clock, SlaCalendars calendars, SlaMailSettings settings) {
    this.tickets = tickets;
    this.records = records;
    this.customers = customers;
    this.users = users;
    this.outbox = outbox;
    this.delivery = delivery;
    this.clock = clock;
    this.calendars = calendars;
    this.settings = settings;
  }

  public Outcome execute(DueEntry entry, Instant now) {
    PendingSlaEvent event = new PendingSlaEvent(PendingSlaEvent.Kind.valueOf(entry.kind()),
        entry.target().orElseThrow(() -> new IllegalArgumentException("An SLA due entry names its target")), entry.dueAt());
    Optional<Ticket> ticket = tickets.find(entry.ticket());
    Optional<SlaRecord> record = records.find(entry.ticket());
    if (ticket.isEmpty() || record.isEmpty() || !record.get().isPending(event)) {
      return records.fire(entry.ticket(), event, List.of(SlaRecord.key(event)), List.of(), now, Optional.empty())
          ? Outcome.DROPPED : Outcome.RACED;
    }
    return switch (event.kind()) {
      case WARNING_80, DEADLINE -> alert(ticket.get(), record.get(), event, now);
      case OUTCOME -> outcome(ticket.get(), record.get(), event, now);
      case CUSTOMER_REMINDER, PRIORITY_DROP -> waitingStep(ticket.get(), record.get(), event, now);
    };
  }

  private Outcome alert(Ticket ticket, SlaRecord record, PendingSlaEvent event, Instant now) {
    boolean breach = event.kind() == PendingSlaEvent.Kind.DEADLINE;
    MailKind kind = breach ? MailKind.SLA_BREACH : MailKind.SLA_WARNING;
    TargetStatus target = target(record, event, now);
    SlaMail.About about = new SlaMail.About(ticket.ref().token(), ticket.title(), target.priority(), event.target(),
        target.dueAt().orElse(event.dueAt()));
    List<OutboxEntry> mails = new ArrayList<>();
    for (UserProfile staff : staffFor(ticket)) {
      mails.add(mail(ticket, event, kind, staff.id().value(), staff.email(), staff.language(), staff.name().display(),
          about, now));
    }
    Optional<Customer> customer = customers.find(ticket.ref().tenant());
    if (ticket.priority() == Priority.CRITICAL && !calendars.business().isOpen(now)) {
      Optional<String> onCall = customer.flatMap(Customer::onCallEmail).or(settings::providerOnCall);
      Language language = customer.map(Customer::language).orElse(Language.NL);
      onCall.ifPresent(address -> mails.add(mail(ticket, event, kind, "on-call", address, language, address, about, now)));
    }
    Optional<SlaRecords.ComplianceCount> count = breach && !record.counted(event.target())
        ? Optional.of(new SlaRecords.ComplianceCount(ticket.ref().tenant(), SlaRecord.month(event.dueAt()), event.target(),
            false))
        : Optional.empty();
    if (!records.fire(ticket.ref(), event, record.firedKeys(event), mails, now.plus(settings.retry().lease()), count)) {
      return Outcome.RACED;
    }
    mails.forEach(delivery::attempt);
    return Outcome.FIRED;
  }

  private Outcome outcome(Ticket ticket, SlaRecord record, PendingSlaEvent event, Instant now) {
    boolean met = target(record, event, now).state() == SlaState.MET;
    var count = new SlaRecords.ComplianceCount(ticket.ref().tenant(), SlaRecord.month(event.dueAt()), event.target(), met);
    return records.fire(ticket.ref(), event, record.firedKeys(event), List.of(), now, Optional.of(count))
        ? Outcome.FIRED : Outcome.RACED;
  }

  private Outcome waitingStep(Ticket ticket, SlaRecord record, PendingSlaEvent event, Instant now) {
    boolean drop = event.kind() == PendingSlaEvent.Kind.PRIORITY_DROP;
    Ticket next = drop ? ticket.priorityDropped(now) : ticket.customerReminded(now);
    List<SlaEvent> events = drop ? List.of(new SlaEvent.PriorityChanged(now, next.priority()))
        : List.of(new SlaEvent.CustomerReminded(now));
    SlaRecord after = record.next(events, clock, now, true);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("dueAt", event.dueAt().toString());
    if (drop) {
      details.put("priority", ticket.priority().wireName() + " → " + next.priority().wireName());
    }
    TicketChange change = new TicketChange(ticket, next, List.of(),
        List.of(TicketAudit.of(new Actor.System(), now, drop ? "priority-dropped" : "sla-reminder", details)),
        Optional.empty()).withSla(new SlaChange(Optional.of(record), after));
    Optional<OutboxEntry> mail = users.find(ticket.reporter()).filter(p -> !p.isDeactivated())
        .map(reporter -> mail(ticket, event, drop ? MailKind.SLA_PRIORITY_DROP : MailKind.SLA_REMINDER,
            reporter.id().value(), reporter.email(), reporter.language(), reporter.name().display(),
            new SlaMail.About(ticket.ref().token(), ticket.title(), next.priority(), event.target(), event.dueAt()), now));
    boolean claimed = mail.map(m -> outbox.claim(m, now.plus(settings.retry().lease()))).orElse(false);
    try {
      tickets.save(change);
    } catch (DomainException.Conflict e) {
      return Outcome.RACED;
    }
    if (claimed) {
      delivery.attempt(mail.get());
    }
    return Outcome.FIRED;
  }

  private TargetStatus target(SlaRecord record, PendingSlaEvent event, Instant now) {
    var status = record.status(clock, now);
    return event.target() == nl.klantportaal.core.sla.domain.TargetKind.RESPONSE ? status.response() : status.resolution();
  }

  /** The assignee if active staff, else every active provider staff member. */
  private List<UserProfile> staffFor(Ticket ticket) {
    Optional<UserProfile> assignee = ticket.assignee().flatMap(users::find)
        .filter(p -> p.membership() instanceof Membership.ProviderStaff);
    if (assignee.isPresent()) {
      return List.of(assignee.get());
    }
    List<UserProfile> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = users.staff(new PageRequest(cursor, 100));
      page.items().stream().filter(p -> p.membership() instanceof Membership.ProviderStaff).forEach(all::add);
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return all;
  }

  private OutboxEntry mail(Ticket ticket, PendingSlaEvent event, MailKind kind, String recipientId, String to,
      Language language, String name, SlaMail.About about, Instant now) {
    String eventId = "SLA#" + ticket.ref().token() + "#" + SlaRecord.key(event);
    String id = MailThreading.outboxId(eventId, recipientId, kind);
    TicketMail.Rendered rendered = SlaMail.render(kind, language, about, name, settings.portalOrigin());
    return new OutboxEntry(id, eventId, kind, ticket.ref().tenant(), ticket.ref().number().value(), recipientId, to,
        rendered.subject(), rendered.text(), rendered.html(),
        MailThreading.messageId(ticket.ref().tenant(), ticket.ref().number().value(), id, settings.messageDomain()),
        MailThreading.rootId(ticket.ref().tenant(), ticket.ref().number().value(), settings.messageDomain()),
        OutboxEntry.State.PENDING, 1, Optional.of(now.plus(settings.retry().lease())), now);
  }
}
