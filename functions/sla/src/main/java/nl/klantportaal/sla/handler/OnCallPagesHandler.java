package nl.klantportaal.sla.handler;

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
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.notifications.usecase.SendPendingMail;
import nl.klantportaal.sla.wiring.SlaWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PortalTable's stream, filtered to the insert of an on-call page's outbox entry ({@code kind
 * SLA_ON_CALL}), which a ticket write put there when a critical ticket came in out of hours: sends
 * it at once instead of at the mail retry's next run. A record that fails is reported back
 * ({@link StreamBatch}); the entry also stays with the retry job.
 */
public final class OnCallPagesHandler implements RequestHandler<Map<String, Object>, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(OnCallPagesHandler.class);
  private final SendPendingMail send;

  public OnCallPagesHandler() {
    this(System.getenv());
  }

  public OnCallPagesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public OnCallPagesHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public OnCallPagesHandler(KernelWiring wiring, MailSender sender) {
    this.send = SlaWiring.of(wiring).sendOnCallPages(sender);
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: a stream batch through the handler with an on-call page whose outbox entry does
   * not exist: the use case reads it, finds nothing pending and sends nothing. Sending is never
   * primed: it would take the lease and mail.
   */
  public Map<String, String> prime() {
    Map<String, Object> page = Priming.streamEvent("INSERT",
        Map.of("PK", Priming.s("OUTBOX#" + Priming.NAME), "SK", Priming.s("OUTBOX")), Map.of("id", Priming.s(Priming.NAME)));
    return new Priming().step("on-call page that does not exist", context -> handleRequest(page, context)).outcomes();
  }

  /** The stream batch as Lambda delivers it (a JSON map: see {@link DynamodbStreamEvents}). */
  @Override
  public StreamsEventResponse handleRequest(Map<String, Object> event, Context context) {
    return handle(DynamodbStreamEvents.read(event), context);
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> StreamBatch.each(event, LOG, "On-call page", this::handleRecord));
  }

  private void handleRecord(DynamodbEvent.DynamodbStreamRecord record) {
    Optional<String> id = Optional.ofNullable(record.getDynamodb().getNewImage()).map(image -> image.get("id"))
        .map(AttributeValue::getS);
    if (id.isEmpty()) {
      LOG.warn("Stream record {} has no outbox id in its new image; the filter lets only on-call pages through",
          record.getEventID());
      return;
    }
    SendPendingMail.Result result = send.execute(id.get());
    Observability.count("OnCallPage" + switch (result) {
      case SENT -> "Sent";
      case NOT_PENDING, TAKEN_BY_ANOTHER -> "AlreadyTaken";
      case RETRYING -> "Retrying";
      case FAILED -> "Failed";
    });
    LOG.info("On-call page {}: {}", id.get(), result);
  }
}
