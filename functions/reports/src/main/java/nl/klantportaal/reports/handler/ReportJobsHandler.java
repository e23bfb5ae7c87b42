package nl.klantportaal.reports.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.api.DynamodbStreamEvents;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.StreamBatch;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.usecase.FanOutReports;
import nl.klantportaal.reports.usecase.GenerateReport;
import nl.klantportaal.reports.wiring.ReportsWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's stream, filtered (template.yaml) to new report work: a fan-out page item
 * ({@code ReportRun}) writes a work item per customer of its page and the next page's item; a work
 * item ({@code ReportJob}) makes one customer's report. A record that fails is reported back
 * (ReportBatchItemFailures) and retried, then sent to the report failures queue, which an alarm watches;
 * the other customers go on.
 */
public final class ReportJobsHandler implements RequestHandler<Map<String, Object>, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ReportJobsHandler.class);
  private final FanOutReports fanOut;
  private final GenerateReport generate;

  public ReportJobsHandler() {
    this(System.getenv());
  }

  public ReportJobsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public ReportJobsHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public ReportJobsHandler(KernelWiring wiring, MailSender sender) {
    ReportsWiring reports = ReportsWiring.of(wiring);
    this.fanOut = reports.fanOut();
    this.generate = reports.generate(sender);
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: a stream batch through the handler with the report job of a customer who does
   * not exist: the use case reads the stored record and the customer, finds neither and makes nothing.
   * Making a report is never primed: it would store a PDF and mail it.
   */
  public Map<String, String> prime() {
    Map<String, Object> job = Priming.streamEvent("INSERT",
        Map.of("PK", Priming.s("TENANT#" + Priming.NAME), "SK", Priming.s("REPORTJOB#2000-01#1")),
        Map.of("type", Priming.s("ReportJob"), "tenantId", Priming.s(Priming.NAME), "month", Priming.s("2000-01"),
            "version", Priming.n(1), "requestedBy", Priming.s(Priming.NAME)));
    return new Priming().step("report job of a customer who does not exist", context -> handleRequest(job, context)).outcomes();
  }

  /** The stream batch as Lambda delivers it (a JSON map: see {@link DynamodbStreamEvents} for why not DynamodbEvent). */
  @Override
  public StreamsEventResponse handleRequest(Map<String, Object> event, Context context) {
    return handle(DynamodbStreamEvents.read(event), context);
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> StreamBatch.each(event, LOG, "Report work", this::handleRecord));
  }

  private void handleRecord(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> item = record.getDynamodb().getNewImage();
    if (item == null || !"INSERT".equals(record.getEventName())) {
      return; // the filter lets only new work items through
    }
    ReportMonth month = ReportMonth.parse(text(item, "month"));
    switch (String.valueOf(text(item, "type"))) {
      case "ReportRun" -> {
        var outcome = fanOut.execute(month, Integer.parseInt(item.get("page").getN()), Optional.ofNullable(text(item, "cursor")));
        LOG.info("Reports of {}: page {} held {} customers, {} work items written{}", month, item.get("page").getN(),
            outcome.customers(), outcome.enqueued(), outcome.more() ? ", more to come" : "");
      }
      case "ReportJob" -> {
        var job = new ReportJob(new TenantId(text(item, "tenantId")), month, Integer.parseInt(item.get("version").getN()),
            text(item, "requestedBy"));
        switch (generate.execute(job)) {
          case GenerateReport.Outcome.Generated g -> {
            Observability.count("ReportGenerated");
            LOG.info("Report {} {} v{}: {} pages, {} bytes, {} mails", job.tenant(), month, job.version(), g.record().pages(),
                g.record().bytes(), g.mailsSent());
          }
          case GenerateReport.Outcome.AlreadyThere a ->
              LOG.info("Report {} {} v{} was there already (v{})", job.tenant(), month, job.version(), a.storedVersion());
          case GenerateReport.Outcome.NoSuchCustomer n ->
              LOG.warn("Report {} {}: the customer no longer exists; nothing made", job.tenant(), month);
        }
      }
      default -> { } // not report work
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.getS();
  }
}
