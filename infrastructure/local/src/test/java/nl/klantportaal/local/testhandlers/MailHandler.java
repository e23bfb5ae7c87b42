package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Records the SES receipt event it receives; a mail with the subject "poison" fails every attempt. */
public final class MailHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  public MailHandler() {
    this(System.getenv());
  }

  public MailHandler(Map<String, String> env) {
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> mail = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((java.util.List<Object>)
        event.get("Records")).get(0)).get("ses")).get("mail");
    Object subject = ((Map<String, Object>) mail.get("commonHeaders")).get("subject");
    if ("poison".equals(subject)) {
      Recorder.record("mail-attempt", subject);
      throw new IllegalStateException("A poisoned mail: every attempt fails");
    }
    Recorder.record("mail", event);
    return Map.of("disposition", "CONTINUE");
  }
}
