package nl.klantportaal.knowledge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.notice.usecase.SendNoticeMails;
import nl.klantportaal.knowledge.notice.wiring.NoticeWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Every 5 minutes (EventBridge): hands the notice mail that a cut-short NoticesFunction run left pending to the outbox; the
 * outbox's claims keep it to one mail per occasion and recipient.
 */
public final class NoticeMailsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final SendNoticeMails mails;

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
    this.mails = NoticeWiring.of(wiring, sender).mails();
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
