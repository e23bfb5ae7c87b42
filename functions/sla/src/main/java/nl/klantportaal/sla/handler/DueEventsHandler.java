package nl.klantportaal.sla.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.usecase.FireDueEvents;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.sla.wiring.SlaWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge schedule (every 5 minutes): fires the due timed events of DueIndex {@code DUE#0..3} —
 * auto-close, SLA warnings and breaches, waiting-for-customer reminders and priority drops, and
 * compliance counts. Stops ten seconds before the function's timeout; the next run continues.
 *
 * <p>"Now" for the run is the scheduled event's {@code time} when it lies ahead of the wiring's clock
 * (the local cloud's scheduler sends its own, possibly advanced, clock's time there), else the clock:
 * a late or stale event fires everything due by now. A time further ahead than SCAN_AHEAD_LIMIT
 * (default {@link FireDueEvents#DEFAULT_MAX_AHEAD}, 7 days; template.yaml sets one minute in prod) is
 * refused: the invocation fails and nothing fires.
 */
public final class DueEventsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(DueEventsHandler.class);
  private static final int RESERVE_MILLIS = 10_000;
  private final FireDueEvents scan;
  private final Clock clock;
  private final TicketRepository tickets;

  public DueEventsHandler() {
    this(System.getenv());
  }

  public DueEventsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public DueEventsHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public DueEventsHandler(KernelWiring wiring, MailSender sender) {
    SlaWiring sla = SlaWiring.of(wiring);
    this.scan = sla.fireDueEvents(sender);
    this.clock = wiring.clock();
    this.tickets = sla.tickets();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: one page of the first due-index shard due by 1970, through the Powertools
   * wrapper (the scan's own query, which finds nothing). The scan is never primed: it refuses a time
   * behind the clock and at the clock's "now" it fires what is due.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("due entries of 1970", context -> Observability.triggerInvocation(context,
            () -> tickets.due(0, Instant.EPOCH, 1, Optional.empty())))
        .outcomes();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      Instant now = scanTime(event);
      FireDueEvents.Outcome outcome = scan.execute(now, () -> context.getRemainingTimeInMillis() > RESERVE_MILLIS);
      Observability.count("TicketAutoClosed", outcome.fired("AUTO_CLOSE"));
      Observability.count("SlaWarningSent", outcome.fired("WARNING_80"));
      Observability.count("SlaBreached", outcome.fired("DEADLINE"));
      Observability.count("SlaCustomerReminded", outcome.fired("CUSTOMER_REMINDER"));
      Observability.count("SlaPriorityDropped", outcome.fired("PRIORITY_DROP"));
      Observability.count("DueIndexItemsRead", outcome.itemsRead());
      Observability.count("DueEventFailed", outcome.failed());
      for (FireDueEvents.Failure failure : outcome.failures()) {
        LOG.error("Due entry {} of {} due {} failed; it stays due and the next run tries it again",
            failure.entry().kind(), failure.entry().ticket().token(), failure.entry().dueAt(), failure.error());
      }
      LOG.info("Due events scan at {} ran: fired {}, {} skipped, {} raced, {} failed, {} index items read, complete {}",
          now, outcome.fired(), outcome.skipped(), outcome.raced(), outcome.failed(), outcome.itemsRead(),
          outcome.complete());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("at", now.toString());
      answer.put("fired", outcome.fired());
      answer.put("skipped", outcome.skipped());
      answer.put("raced", outcome.raced());
      answer.put("failed", outcome.failed());
      answer.put("itemsRead", outcome.itemsRead());
      answer.put("complete", outcome.complete());
      return answer;
    });
  }

  /**
   * The schedule's time when it lies
   * ahead of the clock — local testing of what is due later — else the clock's instant: a delayed or
   * replayed event, or a stale sample, fires everything due by now, never less. How far ahead a
   * time may lie is FireDueEvents' business (SCAN_AHEAD_LIMIT).
   */
  private Instant scanTime(Map<String, Object> event) {
    return ScheduledInvocation.now(event, clock);
  }
}
