package nl.klantportaal.knowledge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.util.Map;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.notice.port.NoticeMailings;
import nl.klantportaal.knowledge.notice.usecase.SendNoticeMails;
import nl.klantportaal.knowledge.notice.wiring.NoticeWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Every 5 minutes (EventBridge): hands the notice mail that a cut-short NoticesFunction run left pending to the outbox; the
 * outbox's claims keep it to one mail per occasion and recipient.
 */
public final class NoticeMailsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final SendNoticeMails mails;
  private final NoticeMailings mailings;

  public NoticeMailsHandler() {
    this(System.getenv());
  }

  public NoticeMailsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public NoticeMailsHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public NoticeMailsHandler(KernelWiring wiring, MailSender sender) {
    NoticeWiring notices = NoticeWiring.of(wiring, sender);
    this.mails = notices.mails();
    this.mailings = notices.mailings();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: the query for mailings left before 1970 through the Powertools wrapper (it
   * finds nothing). The run itself is never primed: it takes no time from its event and would mail
   * whatever is left.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("mailings left before 1970", context -> Observability.triggerInvocation(context,
            () -> mailings.pending(Instant.EPOCH, 1)))
        .outcomes();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      int sent = mails.resume();
      Observability.count("NoticeMailSent", sent);
      return Map.of("mailsSent", sent);
    });
  }
}
