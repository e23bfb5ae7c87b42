package nl.klantportaal.notifications.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.api.Json;
import nl.klantportaal.core.api.JsonTree;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.MailFeedback;
import nl.klantportaal.notifications.port.FailingAddresses;
import nl.klantportaal.notifications.usecase.RecordMailFeedback;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNS topic of the mail configuration set's event destination: SES's bounce and complaint events
 * of the portal's own mail (event publishing JSON: {@code eventType} Bounce with {@code bounce.bounceType}
 * and {@code bouncedRecipients}, or Complaint with {@code complainedRecipients}). Permanent bounces and
 * complaints mark the addresses failing; other events are logged and left.
 */
public final class MailFeedbackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(MailFeedbackHandler.class);
  private final RecordMailFeedback feedback;
  private final FailingAddresses failing;

  public MailFeedbackHandler() {
    this(System.getenv());
  }

  public MailFeedbackHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MailFeedbackHandler(KernelWiring wiring) {
    this.failing = NotificationWiring.of(wiring).failingAddresses();
    this.feedback = new RecordMailFeedback(failing, wiring.clock());
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: an SNS batch through the handler with a delivery event (logged and left) and a
   * transient bounce without recipients (read, marks nothing), then the keyed read of a failing
   * address that does not exist. Marking an address is never primed: it would write.
   */
  public Map<String, String> prime() {
    Map<String, Object> event = Map.of("Records", List.of(
        Map.of("Sns", Map.of("Message", "{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":\"" + Priming.NAME + "\"}}")),
        Map.of("Sns", Map.of("Message", "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\","
            + "\"bouncedRecipients\":[]}}"))));
    return new Priming()
        .step("delivery event and transient bounce", context -> handleRequest(event, context))
        .step("failing address that does not exist", context -> failing.find(Priming.NAME + ".invalid"))
        .outcomes();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      int notifications = 0;
      int marked = 0;
      for (Object record : (List<Object>) event.getOrDefault("Records", List.of())) {
        Object sns = ((Map<String, Object>) record).get("Sns");
        String message = sns instanceof Map<?, ?> m && m.get("Message") instanceof String s ? s : "";
        notifications++;
        Optional<MailFeedback> read = read(message);
        if (read.isPresent()) {
          marked += feedback.execute(read.get());
        }
      }
      Observability.count("MailAddressMarkedFailing", marked);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("notifications", notifications);
      answer.put("markedFailing", marked);
      return answer;
    });
  }

  /** The feedback an SES event carries; empty (logged) for other event types or a message that is no SES event. */
  static Optional<MailFeedback> read(String message) {
    JsonTree root;
    try {
      root = JsonTree.parse(message);
    } catch (Json.Unreadable e) {
      LOG.warn("An SNS message that is no JSON was left: {}", e.getMessage());
      return Optional.empty();
    }
    String type = root.path("eventType").text(root.path("notificationType").text(""));
    List<MailFeedback.Recipient> recipients = new ArrayList<>();
    if (type.equals("Bounce")) {
      JsonTree bounce = root.path("bounce");
      bounce.path("bouncedRecipients").items().forEach(r -> recipients.add(new MailFeedback.Recipient(r.path("emailAddress").text(""),
          (r.path("status").text("") + " " + r.path("diagnosticCode").text("")).strip())));
      return Optional.of(new MailFeedback(MailFeedback.Kind.BOUNCE, bounce.path("bounceType").text("").equals("Permanent"),
          recipients));
    }
    if (type.equals("Complaint")) {
      JsonTree complaint = root.path("complaint");
      String kind = complaint.path("complaintFeedbackType").text("");
      complaint.path("complainedRecipients").items().forEach(r -> recipients.add(new MailFeedback.Recipient(r.path("emailAddress").text(""),
          kind.isEmpty() ? "complaint" : "complaint: " + kind)));
      return Optional.of(new MailFeedback(MailFeedback.Kind.COMPLAINT, true, recipients));
    }
    LOG.info("SES event {} left (only bounces and complaints mark addresses)", type.isEmpty() ? "(none)" : type);
    return Optional.empty();
  }
}
