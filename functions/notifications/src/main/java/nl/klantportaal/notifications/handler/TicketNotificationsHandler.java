package nl.klantportaal.notifications.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.api.DynamodbStreamEvents;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.usecase.NotifyTicketChange;
import nl.klantportaal.notifications.usecase.StreamedChange;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * PortalTable's stream (filtered to {@code SK} beginning with {@code PUB#}) → one mail per
 * recipient of each customer-visible ticket change, each guarded by its outbox entry. A record that
 * fails is logged and reported as the batch's first failure (ReportBatchItemFailures), so Lambda
 * redelivers from it; the mails its earlier attempt already claimed are not sent again.
 */
public final class TicketNotificationsHandler implements RequestHandler<Map<String, Object>, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(TicketNotificationsHandler.class);
  private final NotifyTicketChange notify;
  private final Function<DynamodbEvent.DynamodbStreamRecord, StreamedChange> decode;
  private final MailRoutes mailRoutes;

  public TicketNotificationsHandler() {
    this(System.getenv());
  }

  public TicketNotificationsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public TicketNotificationsHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  public TicketNotificationsHandler(KernelWiring wiring, MailSender sender) {
    var notifications = NotificationWiring.of(wiring);
    this.mailRoutes = notifications.mailRoutes();
    this.notify = notifications.notifyTicketChange(sender);
    this.decode = notifications.ticketStream();
  }

  /**
   * SnapStart priming: a stream batch through the handler with the removal of a public item of a
   * ticket that does not exist (decoded, then left: removals are not mailed), then the keyed read of
   * a mail route of an address that does not exist. A mail itself is never primed: it would claim an
   * outbox entry and send.
   */
  public Map<String, String> prime() {
    Map<String, Object> removed = Priming.streamEvent("REMOVE",
        Map.of("PK", Priming.s("TENANT#" + Priming.NAME + "#TICKET#0"), "SK", Priming.s("PUB#" + Priming.NAME)), null);
    return new Priming()
        .step("stream record that is not mailed", context -> handleRequest(removed, context))
        .step("mail route of an address that does not exist", context -> mailRoutes.find(Priming.NAME + ".invalid"))
        .outcomes();
  }

  /** The stream batch as Lambda delivers it (a JSON map: see {@link DynamodbStreamEvents} for why not DynamodbEvent). */
  @Override
  public StreamsEventResponse handleRequest(Map<String, Object> event, Context context) {
    return handle(DynamodbStreamEvents.read(event), context);
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
        try {
          handleRecord(record);
        } catch (RuntimeException e) {
          LOG.error("Stream record {} failed; reported for redelivery", record.getEventID(), e);
          Observability.count("TicketMailRecordFailed");
          return StreamsEventResponse.builder().withBatchItemFailures(List.of(StreamsEventResponse.BatchItemFailure.builder()
              .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build())).build();
        } finally {
          MDC.remove("tenant");
          MDC.remove("ticket");
        }
      }
      return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    });
  }

  private void handleRecord(DynamodbEvent.DynamodbStreamRecord record) {
    switch (decode.apply(record)) {
      case StreamedChange.Ignored ignored -> LOG.debug("Stream record {} ignored: {}", record.getEventID(),
          ignored.reason());
      case StreamedChange.Change decoded -> {
        MDC.put("tenant", decoded.change().tenant().value());
        MDC.put("ticket", Long.toString(decoded.change().number()));
        NotifyTicketChange.Report report = notify.execute(decoded.change());
        Observability.count("TicketMailSent", report.sent());
        Observability.count("TicketMailRetrying", report.retrying());
        Observability.count("TicketMailFailed", report.failed());
        Observability.count("TicketMailDuplicate", report.alreadyClaimed());
        LOG.info("Ticket change mailed: {} {} sent, {} retrying, {} failed, {} already claimed",
            decoded.change().getClass().getSimpleName(), report.sent(), report.retrying(), report.failed(),
            report.alreadyClaimed());
      }
    }
  }
}
