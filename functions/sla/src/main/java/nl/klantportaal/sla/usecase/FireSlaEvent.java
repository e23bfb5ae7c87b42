package nl.klantportaal.sla.usecase;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.usecase.MailDelivery;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaCalendars;
import nl.klantportaal.sla.domain.SlaChange;
import nl.klantportaal.sla.domain.SlaClock;
import nl.klantportaal.sla.domain.SlaEvent;
import nl.klantportaal.sla.domain.SlaMail;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaState;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.sla.domain.TargetStatus;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * Fires one due SLA event, at most once however many scans read it (docs/sla.md):
 *
 * <ul>
 *   <li>The ticket's SLA record is read again; an entry no longer pending there is removed (conditionally).
 *   <li>The record is evaluated again on the calendar in force: when a calendar edit moved or dropped
 *       the event, the record and its due entries are rewritten instead (conditionally) and nothing fires.
 *   <li>WARNING_80 / DEADLINE: mails to staff and on-call ({@link SlaMails}); the mails go into the
 *       outbox in the same transaction that
 *       deletes the entry only if it is unchanged ({@code DueSK = :seen}), so a second scan finds
 *       nothing and a failed send is retried by the mail retry job. A deadline counts a breach.
 *   <li>OUTCOME: counts the reached target (met or late) into the customer's month.
 *   <li>CUSTOMER_REMINDER / PRIORITY_DROP: a ticket change by {@code system} (audited, versioned like
 *       any other) whose transaction also puts the mail to the reporter into the outbox: a change that
 *       loses its race (the customer answered meanwhile) mails nothing, a written one never loses it.
 * </ul>
 */
public final class FireSlaEvent {
  public enum Outcome { FIRED, DROPPED, MOVED, RACED }

  private final TicketRepository tickets;
  private final SlaRecords records;
  private final MailDelivery delivery;
  private final SlaMails mails;
  private final SlaSettingsRepository settings;
  private volatile RunSettings runSettings;

  public FireSlaEvent(TicketRepository tickets, SlaRecords records, MailDelivery delivery, SlaMails mails,
      SlaSettingsRepository settings) {
    this.tickets = tickets;
    this.records = records;
    this.delivery = delivery;
    this.mails = mails;
    this.settings = settings;
  }

  /**
   * The ticket and its SLA record as read for an entry: by {@link #execute(DueEntry, Instant)} itself,
   * or for a whole page at once by the scan ({@link #read}), for the first entry of each ticket.
   */
  public record Reads(Optional<Ticket> ticket, Optional<SlaRecord> record) {}

  /** Each ticket's {@link Reads}, with two BatchGetItems per 100 tickets instead of two GetItems per entry. */
  public Map<TicketRef, Reads> read(Collection<TicketRef> refs) {
    Map<TicketRef, Ticket> found = tickets.findAll(refs);
    Map<TicketRef, SlaRecord> slaRecords = records.findAll(refs);
    Map<TicketRef, Reads> reads = new HashMap<>();
    refs.forEach(ref -> reads.put(ref, new Reads(Optional.ofNullable(found.get(ref)), Optional.ofNullable(slaRecords.get(ref)))));
    return reads;
  }

  /** One ticket's {@link Reads}, read now (consistent GetItems). */
  public Reads read(TicketRef ref) {
    return new Reads(tickets.find(ref), records.find(ref));
  }

  public Outcome execute(DueEntry entry, Instant now) {
    return execute(entry, now, read(entry.ticket()));
  }

  /**
   * The warning and breach mails of one scan run ({@link MailDelivery#batch()}): each recipient's
   * failing mark and its domain's route are read once per run, at its first mail (a mark set during
   * the run counts from the next run on), and the sent mails' SENT marks are written by
   * {@link #endPage()}, a page's together, instead of one update per mail.
   */
  public final class Run {
    private final MailDelivery.Batch mail = delivery.batch();

    private Run() {}

    /** {@link FireSlaEvent#execute(DueEntry, Instant, Reads)} with this run's mail. */
    public Outcome execute(DueEntry entry, Instant now, Reads reads) {
      return fire(entry, now, reads, mail);
    }

    /** Writes the SENT marks of the mails sent since the last call. */
    public void endPage() {
      mail.markSent();
    }
  }

  /** A scan run's firings, see {@link Run}. */
  public Run run() {
    return new Run();
  }

  /**
   * Fires {@code entry} on what was read for it. Reads made earlier than the firing are safe: the
   * firing deletes the due entry only if it is still the one read ({@code DueSK = :seen}), and any
   * ticket change that moves this event rewrites that entry, so a stale read loses as RACED.
   */
  public Outcome execute(DueEntry entry, Instant now, Reads reads) {
    Run run = run();
    try {
      return run.execute(entry, now, reads);
    } finally {
      run.endPage();
    }
  }

  private Outcome fire(DueEntry entry, Instant now, Reads reads, MailDelivery.Batch mail) {
    PendingSlaEvent event = new PendingSlaEvent(PendingSlaEvent.Kind.valueOf(entry.kind()),
        entry.target().map(TargetKind::valueOf)
            .orElseThrow(() -> new IllegalArgumentException("An SLA due entry names its target")), entry.dueAt());
    Optional<Ticket> ticket = reads.ticket();
    Optional<SlaRecord> record = reads.record();
    if (ticket.isEmpty() || record.isEmpty() || !record.get().isPending(event)) {
      return records.fire(entry.ticket(), event, List.of(SlaRecord.key(event)), List.of(), now, Optional.empty())
          ? Outcome.DROPPED : Outcome.RACED;
    }
    SlaCalendars calendars = settingsOfRun(now).calendars();
    SlaClock clock = new SlaClock(calendars);
    SlaRecord stored = record.get();
    SlaRecord recomputed = stored.next(List.of(), clock, now, ticket.get().status() != TicketStatus.CLOSED);
    if (!recomputed.isPending(event)) {
      return records.reschedule(entry.ticket(), new SlaChange(record, recomputed)) ? Outcome.MOVED : Outcome.RACED;
    }
    return switch (event.kind()) {
      case WARNING_80, DEADLINE -> alert(ticket.get(), stored, event, calendars, now, mail);
      case OUTCOME -> outcome(ticket.get(), stored, event, clock, now);
      case CUSTOMER_REMINDER, PRIORITY_DROP -> waitingStep(ticket.get(), stored, event, clock, now);
    };
  }

  /** The settings, read once per scan run (a run is identified by its instant), not once per entry. */
  private SlaSettings settingsOfRun(Instant now) {
    RunSettings cached = runSettings;
    if (cached == null || !cached.at().equals(now)) {
      cached = new RunSettings(now, settings.load());
      runSettings = cached;
    }
    return cached.settings();
  }

  private record RunSettings(Instant at, SlaSettings settings) {}

  private Outcome alert(Ticket ticket, SlaRecord record, PendingSlaEvent event, SlaCalendars calendars, Instant now,
      MailDelivery.Batch mail) {
    boolean breach = event.kind() == PendingSlaEvent.Kind.DEADLINE;
    TargetStatus target = target(record, event, new SlaClock(calendars), now);
    List<OutboxEntry> entries = mails.toStaff(ticket, event, breach ? MailKind.SLA_BREACH : MailKind.SLA_WARNING,
        new SlaMail.About(ticket.ref().token(), ticket.title(), target.priority(), event.target(),
            target.dueAt().orElse(event.dueAt())), calendars, now);
    Optional<SlaRecords.ComplianceCount> count = breach && !record.counted(event.target())
        ? Optional.of(new SlaRecords.ComplianceCount(ticket.ref().tenant(), SlaRecord.month(event.dueAt()), event.target(),
            false, ticket.ref().number().value(), target.priority(), target.dueAt().orElse(event.dueAt())))
        : Optional.empty();
    if (!records.fire(ticket.ref(), event, record.firedKeys(event), entries, mails.lease(now), count)) {
      return Outcome.RACED;
    }
    mail.attemptAll(entries);
    return Outcome.FIRED;
  }

  private Outcome outcome(Ticket ticket, SlaRecord record, PendingSlaEvent event, SlaClock clock, Instant now) {
    TargetStatus target = target(record, event, clock, now);
    boolean met = target.state() == SlaState.MET;
    var count = new SlaRecords.ComplianceCount(ticket.ref().tenant(), SlaRecord.month(event.dueAt()), event.target(), met,
        ticket.ref().number().value(), target.priority(), target.dueAt().orElse(event.dueAt()));
    return records.fire(ticket.ref(), event, record.firedKeys(event), List.of(), now, Optional.of(count))
        ? Outcome.FIRED : Outcome.RACED;
  }

  private Outcome waitingStep(Ticket ticket, SlaRecord record, PendingSlaEvent event, SlaClock clock, Instant now) {
    boolean drop = event.kind() == PendingSlaEvent.Kind.PRIORITY_DROP;
    Ticket next = drop ? ticket.priorityDropped(now) : ticket.customerReminded(now);
    List<SlaEvent> events = drop ? List.of(new SlaEvent.PriorityChanged(now, next.priority()))
        : List.of(new SlaEvent.CustomerReminded(now));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("dueAt", event.dueAt().toString());
    if (drop) {
      details.put("priority", ticket.priority().wireName() + " → " + next.priority().wireName());
    }
    Optional<OutboxEntry> mail = mails.toReporter(ticket, event, drop ? MailKind.SLA_PRIORITY_DROP : MailKind.SLA_REMINDER,
        new SlaMail.About(ticket.ref().token(), ticket.title(), next.priority(), event.target(), event.dueAt()), now);
    TicketChange change = new TicketChange(ticket, next, List.of(),
        List.of(TicketAudit.of(new Actor.System(), now, drop ? "priority-dropped" : "sla-reminder", details)),
        Optional.empty()).withCompanion(new SlaChange(Optional.of(record), record.next(events, clock, now, true),
            mail.stream().toList(), mails.lease(now)));
    try {
      tickets.save(change);
    } catch (DomainException.Conflict e) {
      return Outcome.RACED;
    }
    mail.ifPresent(delivery::attempt);
    return Outcome.FIRED;
  }

  private static TargetStatus target(SlaRecord record, PendingSlaEvent event, SlaClock clock, Instant now) {
    var status = record.status(clock, now);
    return event.target() == TargetKind.RESPONSE ? status.response() : status.resolution();
  }
}
