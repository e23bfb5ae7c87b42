package nl.klantportaal.notifications.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.usecase.RetryDueMail;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge {@code rate(5 minutes)}: resends every due PENDING ticket mail (DueIndex
 * {@code DUE#MAIL#0..3}). "Now" is the event's scheduled time, or the clock when that is later.
 */
public final class MailRetryHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
  private static final Logger LOG = LoggerFactory.getLogger(MailRetryHandler.class);
  private final RetryDueMail retry;
  private final Clock clock;
  private final MailRoutes mailRoutes;

  public MailRetryHandler() {
    this(System.getenv());
  }

  public MailRetryHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MailRetryHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  public MailRetryHandler(KernelWiring wiring, MailSender sender) {
    NotificationWiring notifications = NotificationWiring.of(wiring);
    this.retry = notifications.retryDueMail(sender);
    this.mailRoutes = notifications.mailRoutes();
    this.clock = wiring.clock();
  }

  @Override
  public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> retryDueBy(ScheduledInvocation.now(event, clock)));
  }

  /**
   * SnapStart priming: the retry of what was due by 1970 through the Powertools wrapper and the use
   * case (its due-index queries find nothing), then the keyed read of a mail route of an address that
   * does not exist. A run at the clock's "now" is never primed: it would send the mail that is due.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("mail due by 1970", context -> Observability.triggerInvocation(context, () -> retryDueBy(Instant.EPOCH)))
        .step("mail route of an address that does not exist", context -> mailRoutes.find(Priming.NAME + ".invalid"))
        .outcomes();
  }

  private Map<String, Integer> retryDueBy(Instant now) {
    RetryDueMail.Report report = retry.execute(now);
    Observability.count("TicketMailSent", report.sent());
    Observability.count("TicketMailRetrying", report.retrying());
    Observability.count("TicketMailFailed", report.failed());
    LOG.info("Mail retry ran: {} due, {} sent, {} retrying, {} failed, {} skipped", report.due(), report.sent(),
        report.retrying(), report.failed(), report.skipped());
    Map<String, Integer> answer = new LinkedHashMap<>();
    answer.put("due", report.due());
    answer.put("sent", report.sent());
    answer.put("retrying", report.retrying());
    answer.put("failed", report.failed());
    answer.put("skipped", report.skipped());
    return answer;
  }
}
