package nl.klantportaal.inboundmail.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.inboundmail.domain.Outcome;
import nl.klantportaal.inboundmail.domain.Verdicts;
import nl.klantportaal.inboundmail.usecase.ReceiveMail;
import nl.klantportaal.inboundmail.wiring.InboundWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SES receipt rule's Lambda action (asynchronous): for each record, the raw MIME the rule's S3
 * action stored under INBOUND_MAIL_PREFIX + the SES message id becomes a ticket, a reply, a held
 * message or a recorded machine mail (docs/inbound-mail.md). Anything that fails throws: Lambda
 * retries the event twice and then hands it to InboundMailFailuresQueue; nothing is lost.
 */
public final class InboundMailHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(InboundMailHandler.class);
  private final ReceiveMail receive;
  private final String prefix;

  public InboundMailHandler() {
    this(System.getenv());
  }

  public InboundMailHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public InboundMailHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public InboundMailHandler(KernelWiring wiring, MailSender sender) {
    InboundWiring inbound = InboundWiring.of(wiring);
    this.receive = inbound.receiveMail(sender);
    this.prefix = inbound.settings().prefix();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: an SES receipt through the handler for a message whose raw mail does not exist
   * in the bucket. The use case's GetObject answers NoSuchKey before anything is parsed, claimed,
   * held or written (that failure is the step's outcome). Parsing and deciding a real mail are never
   * primed: they would claim the message and make a ticket or hold the mail.
   */
  public Map<String, String> prime() {
    Map<String, Object> receipt = Map.of("Records", List.of(Map.of("ses", Map.of(
        "mail", Map.of("messageId", Priming.NAME, "source", Priming.NAME + "@priming.invalid"),
        "receipt", Map.of("spfVerdict", Map.of("status", "PASS"), "dkimVerdict", Map.of("status", "PASS"),
            "dmarcVerdict", Map.of("status", "PASS"))))));
    return new Priming().step("mail whose raw message does not exist", context -> handleRequest(receipt, context)).outcomes();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      List<Map<String, Object>> outcomes = new ArrayList<>();
      for (Object record : list(event.get("Records"), "Records")) {
        Map<String, Object> ses = map(map(record, "record").get("ses"), "ses");
        Map<String, Object> mail = map(ses.get("mail"), "ses.mail");
        Map<String, Object> receipt = map(ses.get("receipt"), "ses.receipt");
        String sesMessageId = text(mail.get("messageId"), "ses.mail.messageId");
        if (!sesMessageId.matches("[A-Za-z0-9._-]{1,200}")) {
          throw new IllegalArgumentException("SES message id is not a key part");
        }
        Verdicts verdicts = new Verdicts(status(receipt, "spfVerdict"), status(receipt, "dkimVerdict"), status(receipt, "dmarcVerdict"));
        Object source = mail.get("source");
        Outcome outcome = receive.execute(new ReceiveMail.Received(sesMessageId, prefix + sesMessageId,
            source == null ? "" : source.toString(), verdicts));
        LOG.info("Inbound mail handled: {} {}", outcome.kind(), outcome instanceof Outcome.Held || outcome instanceof Outcome.Machine
            ? outcome.detail() : "");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sesMessageId", sesMessageId);
        answer.put("outcome", outcome.kind());
        answer.put("detail", outcome.detail());
        outcomes.add(answer);
      }
      return Map.of("handled", outcomes);
    });
  }

  private static String status(Map<String, Object> receipt, String verdict) {
    Object value = receipt.get(verdict);
    return value instanceof Map<?, ?> m && m.get("status") != null ? m.get("status").toString() : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("SES event without " + what);
  }

  private static List<?> list(Object value, String what) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("SES event without " + what);
  }

  private static String text(Object value, String what) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalArgumentException("SES event without " + what);
  }
}
