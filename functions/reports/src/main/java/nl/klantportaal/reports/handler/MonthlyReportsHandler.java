package nl.klantportaal.reports.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.reports.usecase.StartMonthlyReports;
import nl.klantportaal.reports.usecase.ViewReports;
import nl.klantportaal.reports.wiring.ReportsWiring;

/**
 * The 1st of each month at 06:00 Europe/Amsterdam (EventBridge Scheduler): starts the fan-out of the
 * month just ended. It writes one item; the stream does the rest, a page of customers at a time.
 */
public final class MonthlyReportsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final StartMonthlyReports start;
  private final Clock clock;
  private final ViewReports reports;

  public MonthlyReportsHandler() {
    this(System.getenv());
  }

  public MonthlyReportsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MonthlyReportsHandler(KernelWiring wiring) {
    ReportsWiring reports = ReportsWiring.of(wiring);
    this.start = reports.start();
    this.reports = reports.view();
    this.clock = wiring.clock();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: the report records of a customer who does not exist through the Powertools
   * wrapper (the keyed reads of the records the run writes; they find nothing). The run itself is
   * never primed: whatever time it is given, it starts the reports of a month.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("reports of a customer who does not exist", context -> Observability.triggerInvocation(context,
            () -> reports.list(new TenantId(Priming.NAME), Language.EN)))
        .outcomes();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      Instant now = ScheduledInvocation.now(event, clock);
      StartMonthlyReports.Outcome outcome = start.execute(now);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("at", now.toString());
      answer.put("month", outcome.month().toString());
      answer.put("started", outcome.started());
      return answer;
    });
  }
}
