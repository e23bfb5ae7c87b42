package nl.klantportaal.billing.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.usecase.ManageBillingSettings;
import nl.klantportaal.billing.usecase.OrderRequestedHours;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.api.DynamodbStreamEvents;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.StreamBatch;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.wiring.KernelWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's stream, filtered (template.yaml) to ticket items of an approved "extra-hours" service
 * request: each becomes a pending hour bundle linked to the request, once per request. A record that
 * fails is reported back (ReportBatchItemFailures) and retried; one whose hours cannot make a bundle
 * is logged for a provider admin, who orders the bundle by hand (the request stays on the ticket).
 */
public final class BundleRequestsHandler implements RequestHandler<Map<String, Object>, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(BundleRequestsHandler.class);
  private final OrderRequestedHours order;
  private final ManageBillingSettings settings;

  public BundleRequestsHandler() {
    this(System.getenv());
  }

  public BundleRequestsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public BundleRequestsHandler(KernelWiring wiring) {
    BillingWiring billing = BillingWiring.of(wiring);
    this.order = billing.orderRequestedHours();
    this.settings = billing.settings();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: a stream batch through the handler with an hour request of a customer who does
   * not exist that is not approved (decoded, then left), then the keyed read of that customer's
   * billing settings (the price an order reads). An order itself is never primed: it would write a
   * bundle.
   */
  public Map<String, String> prime() {
    Map<String, Object> pending = Priming.streamEvent("MODIFY",
        Map.of("PK", Priming.s("TENANT#" + Priming.NAME + "#TICKET#0"), "SK", Priming.s("TICKET")),
        Map.of("tenantId", Priming.s(Priming.NAME), "number", Priming.n(0), "approval", Priming.s("pending"),
            "requestTypeId", Priming.s(OrderRequestedHours.REQUEST_TYPE)));
    return new Priming()
        .step("hour request that is not approved", context -> handleRequest(pending, context))
        .step("billing settings of a customer who does not exist", context -> settings.get(new TenantId(Priming.NAME)))
        .outcomes();
  }

  /** The stream batch as Lambda delivers it (a JSON map: see {@link DynamodbStreamEvents} for why not DynamodbEvent). */
  @Override
  public StreamsEventResponse handleRequest(Map<String, Object> event, Context context) {
    return handle(DynamodbStreamEvents.read(event), context);
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> StreamBatch.each(event, LOG, "Approved hour request", this::handleRecord));
  }

  private void handleRecord(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> ticket = record.getDynamodb().getNewImage();
    if (ticket == null || !"approved".equals(text(ticket, "approval"))
        || !OrderRequestedHours.REQUEST_TYPE.equals(text(ticket, "requestTypeId"))) {
      return; // the filter lets only these through; anything else is not ours
    }
    Map<String, AttributeValue> answers = ticket.containsKey("answers") ? ticket.get("answers").getM() : Map.of();
    var request = new OrderRequestedHours.ApprovedRequest(new TenantId(text(ticket, "tenantId")),
        Long.parseLong(ticket.get("number").getN()), answers.containsKey("hours") ? answers.get("hours").getS() : "",
        Optional.ofNullable(answers.get("startDate")).map(AttributeValue::getS));
    switch (order.execute(request)) {
      case OrderRequestedHours.Outcome.Ordered o -> {
        Observability.count("HourBundleOrdered");
        LOG.info("Approved request #{} of {} ordered pending bundle {} ({} min)", request.ticketNumber(), request.tenant(),
            o.bundle().id(), o.bundle().minutesBought());
      }
      case OrderRequestedHours.Outcome.AlreadyOrdered a -> { }
      case OrderRequestedHours.Outcome.Unusable u -> LOG.warn(
          "Approved hour request #{} of {} makes no bundle ({}); a provider admin orders it by hand", request.ticketNumber(),
          request.tenant(), u.reason());
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.getS();
  }
}
