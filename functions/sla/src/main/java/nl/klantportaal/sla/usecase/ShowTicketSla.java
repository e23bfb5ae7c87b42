package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.util.Optional;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * A ticket's SLA now: its stored timeline evaluated at this moment on the calendar in force. The caller has already been
 * allowed to see the ticket; a ticket created before SLA tracking has none until its next change.
 */
public final class ShowTicketSla {
  private final SlaRecords records;
  private final SlaSettingsRepository settings;
  private final Clock clock;

  public ShowTicketSla(SlaRecords records, SlaSettingsRepository settings, Clock clock) {
    this.records = records;
    this.settings = settings;
    this.clock = clock;
  }

  public Optional<SlaView> execute(TicketRef ref) {
    return records.find(ref).map(r -> SlaView.of(r.tier().wireName(), r.status(settings.load().clock(), clock.instant())));
  }
}
