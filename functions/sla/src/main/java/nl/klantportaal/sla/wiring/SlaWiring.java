package nl.klantportaal.sla.wiring;

import java.time.Duration;
import java.util.Optional;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.sla.adapter.dynamodb.DynamoDbSlaRecords;
import nl.klantportaal.sla.adapter.dynamodb.DynamoDbSlaSettings;
import nl.klantportaal.sla.adapter.dynamodb.SlaRecordWrites;
import nl.klantportaal.sla.port.CustomerTiers;
import nl.klantportaal.sla.port.SlaOutcomes;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.sla.usecase.CachedSlaReferenceData;
import nl.klantportaal.sla.usecase.FireDueEvents;
import nl.klantportaal.sla.usecase.FireSlaEvent;
import nl.klantportaal.sla.usecase.SlaMailSettings;
import nl.klantportaal.sla.usecase.SlaMails;
import nl.klantportaal.sla.usecase.SlaTracking;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.ticketing.usecase.CloseDueTickets;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/**
 * The SLA context: the tier table and calendar, each ticket's SLA record, the due-events scan. It is
 * also where tickets are wired with the SLA as their companion ({@link #tickets}): every function
 * that writes tickets takes them from here (docs/architecture.md, "Decisions").
 */
public final class SlaWiring {
  private final KernelWiring kernel;

  private SlaWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static SlaWiring of(KernelWiring kernel) {
    return new SlaWiring(kernel);
  }

  public SlaRecords slaRecords() {
    return new DynamoDbSlaRecords(kernel.table());
  }

  /** The provider's SLA settings: the tier table and business calendar in force (patterns 29, 30). */
  /** The read port other contexts use (the monthly reports): each counted outcome of a customer's month. */
  public SlaOutcomes outcomes() {
    return new DynamoDbSlaRecords(kernel.table());
  }

  public SlaSettingsRepository slaSettings() {
    return new DynamoDbSlaSettings(kernel.table());
  }

  /**
   * The settings as ticket views evaluate the SLA with them (a ticket's SLA, a queue's next deadlines):
   * cached per container like the ticket writes' copy ({@link CachedSlaReferenceData}); make one per handler.
   */
  public SlaSettingsRepository slaSettingsForViews() {
    return CachedSlaReferenceData.settings(slaSettings(), kernel.clock());
  }

  /**
   * Tickets with the SLA as their companion: every create and change carries the ticket's SLA record in
   * its own transaction (docs/sla.md); tickets publish through their TicketCompanion port and know no
   * SLA type.
   */
  public TicketRepository tickets() {
    // reference data every ticket write reads, cached per container (CachedSlaReferenceData, docs/sla.md)
    SlaSettingsRepository settingsForTicketWrites = CachedSlaReferenceData.settings(slaSettings(), kernel.clock());
    CustomerTiers tiers = CachedSlaReferenceData.tiers(IdentityWiring.of(kernel).customers(), kernel.clock());
    return TicketWiring.of(kernel).tickets(new SlaTracking(slaRecords(), tiers, settingsForTicketWrites,
        Optional.of(slaMails())), new SlaRecordWrites(kernel.table()));
  }

  /**
   * Who SLA mails go to, rendered: links use PORTAL_ORIGIN; a critical ticket out of hours goes also to
   * the customer's on-call address or else SLA_ON_CALL_EMAIL (optional, in every function's environment:
   * any function that writes tickets may page).
   */
  public SlaMails slaMails() {
    ContextSettings.DueScan scan = ContextSettings.DueScan.from(kernel.config());
    IdentityWiring identity = IdentityWiring.of(kernel);
    var settings = new SlaMailSettings(kernel.mail().portalOrigin(), NotificationWiring.of(kernel).senderDomain(),
        scan.onCallEmail(), RetryPolicy.DEFAULT);
    return new SlaMails(identity.users(), identity.customers(), settings);
  }

  /** Sends the on-call pages a ticket write put into the outbox, at once (OnCallPagesFunction). */
  public nl.klantportaal.notifications.usecase.SendPendingMail sendOnCallPages(MailSender sender) {
    return NotificationWiring.of(kernel).sendPendingMail(sender);
  }

  /**
   * The scheduled due-events scan: auto-close and the SLA's warnings, breaches, reminders, priority
   * drops and compliance counts. SLA mail links use PORTAL_ORIGIN; critical tickets out of hours go
   * also to the customer's on-call address or else SLA_ON_CALL_EMAIL (optional).
   */
  public FireDueEvents fireDueEvents(MailSender sender) {
    ContextSettings.DueScan scan = ContextSettings.DueScan.from(kernel.config());
    TicketRepository tickets = tickets();
    Duration aheadLimit = scan.aheadLimit().orElse(FireDueEvents.DEFAULT_MAX_AHEAD);
    return new FireDueEvents(tickets, new CloseDueTickets(tickets, TicketWiring.of(kernel).autoCloseAfter()),
        fireSlaEvent(sender), kernel.clock(), aheadLimit);
  }

  /** One SLA due event's firing (the scan's SLA kinds): its mails, counts and ticket changes. */
  public FireSlaEvent fireSlaEvent(MailSender sender) {
    return new FireSlaEvent(tickets(), slaRecords(), NotificationWiring.of(kernel).mailDelivery(sender), slaMails(),
        slaSettings());
  }
}
