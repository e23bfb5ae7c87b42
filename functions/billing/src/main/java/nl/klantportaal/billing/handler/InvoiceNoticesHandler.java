package nl.klantportaal.billing.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.billing.usecase.invoice.InvoiceNoticeSteps;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Daily (07:30 Europe/Amsterdam, EventBridge Scheduler): the invoice notices that are due — open
 * invoices past their due date become overdue, payment reminders 7 and 21 days after it — and any step
 * that failed right after its write (a PDF not stored, a mail not claimed). A failing notice stays due.
 */
public final class InvoiceNoticesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final InvoiceNoticeSteps steps;
  private final Clock clock;

  public InvoiceNoticesHandler() {
    this(System.getenv());
  }

  public InvoiceNoticesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public InvoiceNoticesHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public InvoiceNoticesHandler(KernelWiring wiring, MailSender sender) {
    this.steps = InvoiceWiring.of(wiring, sender).steps();
    this.clock = wiring.clock();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> noticesDueBy(ScheduledInvocation.now(event, clock)));
  }

  /**
   * SnapStart priming: the invoice notices due by 1970 through the Powertools wrapper and the use case
   * (its due-notice query finds nothing, so no PDF is made and nothing is mailed). A run at the
   * clock's "now" is never primed: it would handle the notices that are due.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("invoice notices due by 1970", context -> Observability.triggerInvocation(context, () -> noticesDueBy(Instant.EPOCH)))
        .outcomes();
  }

  private Map<String, Object> noticesDueBy(Instant now) {
    InvoiceNoticeSteps.Run run = steps.handleDue(now);
    Observability.count("InvoiceNoticeFailed", run.failed());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("at", now.toString());
    answer.put("handled", run.handled());
    answer.put("failed", run.failed());
    return answer;
  }
}
