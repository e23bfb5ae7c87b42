package nl.klantportaal.tickets.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.core.PortalWiring;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.ticket.usecase.CloseDueTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge schedule: closes resolved tickets whose customer neither accepted nor rejected the
 * solution within AUTO_CLOSE_DAYS (default 7). Reads DueIndex {@code DUE#0..3} only.
 */
public final class AutoCloseHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
  private static final Logger LOG = LoggerFactory.getLogger(AutoCloseHandler.class);
  private final CloseDueTickets close;

  public AutoCloseHandler() {
    this(System.getenv());
  }

  public AutoCloseHandler(Map<String, String> environment) {
    this(PortalWiring.fromEnvironment(environment));
  }

  public AutoCloseHandler(PortalWiring wiring) {
    this.close = new CloseDueTickets(wiring.tickets(), wiring.clock(), wiring.autoCloseAfter());
  }

  @Override
  public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      CloseDueTickets.Outcome outcome = close.execute();
      Observability.count("TicketAutoClosed", outcome.closed());
      LOG.info("Auto-close ran: {} closed, {} not due, {} changed meanwhile", outcome.closed(), outcome.skipped(),
          outcome.conflicts());
      Map<String, Integer> answer = new LinkedHashMap<>();
      answer.put("closed", outcome.closed());
      answer.put("skipped", outcome.skipped());
      answer.put("conflicts", outcome.conflicts());
      return answer;
    });
  }
}
