package nl.klantportaal.billing.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.billing.usecase.invoice.DraftMonthlyInvoices;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * The 1st of each month at 05:00 Europe/Amsterdam (EventBridge Scheduler): every customer's draft
 * invoice of the month just ended, for review. Drafting mails nobody; a re-run drafts nothing twice.
 */
public final class MonthlyInvoiceDraftsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final DraftMonthlyInvoices drafts;
  private final Clock clock;

  public MonthlyInvoiceDraftsHandler() {
    this(System.getenv());
  }

  public MonthlyInvoiceDraftsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MonthlyInvoiceDraftsHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public MonthlyInvoiceDraftsHandler(KernelWiring wiring, MailSender sender) {
    this.drafts = InvoiceWiring.of(wiring, sender).monthlyDrafts();
    this.clock = wiring.clock();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      Instant now = ScheduledInvocation.now(event, clock);
      DraftMonthlyInvoices.Outcome outcome = drafts.execute(now);
      Observability.count("InvoiceDrafted", outcome.drafted());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("at", now.toString());
      answer.put("month", outcome.month().toString());
      answer.put("customers", outcome.customers());
      answer.put("drafted", outcome.drafted());
      answer.put("skipped", outcome.skipped());
      return answer;
    });
  }
}
