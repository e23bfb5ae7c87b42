package nl.klantportaal.billing.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.billing.usecase.SendHourNotices;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.api.ScheduledInvocation;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Daily (07:00 Europe/Amsterdam, EventBridge Scheduler): mails customer admins the due hour notices —
 * 80 % and 95 % used, 30 days before a bundle ends, overflow beyond the bundles — with the forecast.
 */
public final class HourNoticesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final SendHourNotices notices;
  private final Clock clock;

  public HourNoticesHandler() {
    this(System.getenv());
  }

  public HourNoticesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public HourNoticesHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public HourNoticesHandler(KernelWiring wiring, MailSender sender) {
    this.notices = BillingWiring.of(wiring).sendHourNotices(sender);
    this.clock = wiring.clock();
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    // The local cloud's scheduler may run ahead of the wall clock: its event time then counts.
    return Observability.triggerInvocation(context, () -> noticesDueBy(ScheduledInvocation.now(event, clock)));
  }

  /**
   * SnapStart priming: the hour notices due by 1970 through the Powertools wrapper and the use case
   * (its due-notice query finds nothing, so nothing is mailed or marked done). A run at the clock's
   * "now" is never primed: it would send the notices that are due.
   */
  public Map<String, String> prime() {
    return new Priming()
        .step("hour notices due by 1970", context -> Observability.triggerInvocation(context, () -> noticesDueBy(Instant.EPOCH)))
        .outcomes();
  }

  private Map<String, Object> noticesDueBy(Instant now) {
    SendHourNotices.Outcome outcome = notices.execute(now);
    Observability.count("HourNoticeMailSent", outcome.mailsSent());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("at", now.toString());
    answer.put("notices", outcome.notices());
    answer.put("mailsSent", outcome.mailsSent());
    answer.put("withoutMail", outcome.withoutMail());
    answer.put("raced", outcome.raced());
    return answer;
  }
}
