package nl.klantportaal.billing.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.billing.usecase.invoice.DraftMonthlyInvoices;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
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
  private final CustomerDirectory customers;

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
    InvoiceWiring invoices = InvoiceWiring.of(wiring, sender);
    this.drafts = invoices.monthlyDrafts();
    this.clock = wiring.clock();
    this.customers = invoices.customers();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: the keyed read of a customer who does not exist, through the Powertools
   * wrapper. The run itself is never primed: whatever month it is given, it drafts the invoice of
   * every customer with registrations in it.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("customer who does not exist", context -> Observability.triggerInvocation(context,
            () -> customers.find(new TenantId(Priming.NAME))))
        .outcomes();
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
