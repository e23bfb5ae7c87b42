package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.klantportaal.sla.domain.SlaClock;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.domain.SlaState;
import nl.klantportaal.sla.domain.SlaStatus;
import nl.klantportaal.sla.domain.TargetStatus;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.usecase.TicketView;

/**
 * The next SLA deadline of each ticket on one page of a staff queue: the page's SLA records in one
 * consistent BatchGetItem and the settings once, evaluated now. Resolved and closed tickets, and
 * tickets without a record (created before SLA tracking), have none.
 */
public final class QueueDeadlines {
  private final SlaRecords records;
  private final SlaSettingsRepository settings;
  private final Clock clock;

  public QueueDeadlines(SlaRecords records, SlaSettingsRepository settings, Clock clock) {
    this.records = records;
    this.settings = settings;
    this.clock = clock;
  }

  public Map<TicketRef, TicketView.NextDeadline> of(List<Ticket> tickets) {
    List<TicketRef> open = tickets.stream()
        .filter(t -> t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED).map(Ticket::ref).toList();
    Map<TicketRef, TicketView.NextDeadline> deadlines = new HashMap<>();
    if (open.isEmpty()) {
      return deadlines;
    }
    Map<TicketRef, SlaRecord> found = records.findAll(open);
    SlaClock slaClock = settings.load().clock();
    Instant now = clock.instant();
    found.forEach((ref, record) -> next(record.status(slaClock, now), now).ifPresent(d -> deadlines.put(ref, d)));
    return deadlines;
  }

  /** The nearest target not met yet that has a deadline. */
  static Optional<TicketView.NextDeadline> next(SlaStatus status, Instant now) {
    return Stream.of(status.response(), status.resolution())
        .filter(t -> t.state() != SlaState.MET && t.dueAt().isPresent())
        .min(Comparator.comparing((TargetStatus t) -> t.dueAt().orElseThrow()))
        .map(t -> new TicketView.NextDeadline(t.kind().name().toLowerCase(java.util.Locale.ROOT), t.dueAt().orElseThrow(),
            state(t, now)));
  }

  private static String state(TargetStatus target, Instant now) {
    return switch (target.state()) {
      case BREACHED -> "breached";
      case PAUSED -> "paused";
      case RUNNING -> target.warningAt().filter(at -> !at.isAfter(now)).isPresent() ? "at-risk" : "running";
      case MET -> "met";
    };
  }
}
