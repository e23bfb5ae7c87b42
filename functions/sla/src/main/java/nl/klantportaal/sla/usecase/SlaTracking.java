package nl.klantportaal.sla.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.sla.domain.SlaChange;
import nl.klantportaal.sla.domain.SlaMail;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.sla.domain.SlaClock;
import nl.klantportaal.sla.domain.SlaEvent;
import nl.klantportaal.sla.domain.SlaEvents;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.port.CustomerTiers;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.CompanionWrite;
import nl.klantportaal.ticketing.port.TicketCompanion;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * The SLA as the tickets' companion: every ticket write carries the ticket's SLA record forward in
 * the same transaction. The SLA events a change means ({@link SlaEvents}) are appended to the stored
 * timeline, the clock is evaluated at the change, and the events still to fire become the due-index
 * entries. A new ticket starts its timeline with its customer's tier terms from the table in force at
 * creation; the clock runs on the provider's calendar in force at each change. A ticket created
 * before SLA tracking starts one at its next change, from its creation with the priority it had then.
 * A critical ticket raised, or made critical, while the business calendar is closed also writes the
 * on-call page into the outbox, in the same transaction (docs/sla.md, "On call at once").
 */
public final class SlaTracking implements TicketCompanion {
  /**
   * How long an on-call page written with a ticket waits for its immediate send (OnCallPagesFunction,
   * triggered by the outbox item's insert) before the mail retry job takes it.
   */
  public static final Duration PAGE_SENT_WITHIN = Duration.ofMinutes(2);

  private final SlaRecords records;
  private final CustomerTiers tiers;
  private final SlaSettingsRepository settings;
  private final Optional<SlaMails> onCall;

  /** The clock alone, without on-call pages (tests of the SLA record). */
  public SlaTracking(SlaRecords records, CustomerTiers tiers, SlaSettingsRepository settings) {
    this(records, tiers, settings, Optional.empty());
  }

  /** {@code onCall}: pages the on-call address for a critical ticket raised, or made critical, out of hours. */
  public SlaTracking(SlaRecords records, CustomerTiers tiers, SlaSettingsRepository settings,
      Optional<SlaMails> onCall) {
    this.records = records;
    this.tiers = tiers;
    this.settings = settings;
    this.onCall = onCall;
  }

  @Override
  public Optional<CompanionWrite> created(Ticket ticket) {
    SlaSettings current = settings.load();
    SlaRecord start = SlaRecord.start(SlaEvents.opening(ticket, current.table().terms(tierOf(ticket.ref().tenant()))),
        current.clock(), ticket.createdAt());
    return Optional.of(paging(Optional.empty(), start, ticket, "CREATED", current, ticket.createdAt()));
  }

  /** The record carried forward; empty when the change means nothing to the clock and the record is in step. */
  @Override
  public Optional<CompanionWrite> changed(TicketChange change) {
    Ticket previous = change.previous();
    Ticket next = change.next();
    Optional<SlaRecord> before = records.find(next.ref());
    List<SlaEvent> events = withoutLaterReplies(before, SlaEvents.of(previous, next, change.messages()));
    boolean open = next.status() != TicketStatus.CLOSED;
    if (before.isPresent() && events.isEmpty() && (open || before.get().pending().isEmpty())) {
      return Optional.empty();
    }
    SlaSettings current = settings.load();
    SlaClock clock = current.clock();
    SlaRecord base = before.orElseGet(() -> SlaRecord.start(
        SlaEvents.created(previous, current.table().terms(tierOf(next.ref().tenant()))), clock, previous.updatedAt()));
    Instant now = next.updatedAt();
    SlaRecord after = base.next(events, clock, now, open);
    boolean madeCritical = next.priority() == Priority.CRITICAL && previous.priority() != Priority.CRITICAL
        && next.status() != TicketStatus.RESOLVED && open;
    return Optional.of(madeCritical ? paging(before, after, next, "V" + next.version(), current, now)
        : new SlaChange(before, after));
  }

  /**
   * The change, with the on-call page when the ticket is critical and the business calendar closed at
   * {@code now}: written with the ticket (a ticket that is not written pages nobody), sent at once by
   * the function its insert triggers, else by the mail retry after {@link #PAGE_SENT_WITHIN}.
   */
  private SlaChange paging(Optional<SlaRecord> before, SlaRecord after, Ticket ticket, String occasion, SlaSettings current,
      Instant now) {
    Optional<OutboxEntry> page = onCall.flatMap(mails -> mails.onCallPage(ticket, occasion,
        new SlaMail.About(ticket.ref().token(), ticket.title(), ticket.priority(), TargetKind.RESPONSE,
            after.status(current.clock(), now).response().dueAt().orElse(now)), current.calendars(), now));
    return page.map(p -> new SlaChange(before, after, List.of(p), now.plus(PAGE_SENT_WITHIN)))
        .orElseGet(() -> new SlaChange(before, after));
  }

  /**
   * Only the first public agent reply means anything to the clock (it meets the response target), so
   * later ones are not stored: the record stays small however long the conversation grows.
   */
  private static List<SlaEvent> withoutLaterReplies(Optional<SlaRecord> before, List<SlaEvent> events) {
    boolean replied = before.map(r -> r.timeline().stream().anyMatch(e -> e instanceof SlaEvent.PublicAgentReply))
        .orElse(false);
    return replied ? events.stream().filter(e -> !(e instanceof SlaEvent.PublicAgentReply)).toList() : events;
  }

  private SlaTier tierOf(TenantId tenant) {
    return tiers.of(tenant)
        .orElseThrow(() -> new DomainException.NotFound("Customer " + tenant.value()));
  }
}
