package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Records the SES receipt event it receives. */
public final class MailHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  public MailHandler() {
    this(System.getenv());
  }

  public MailHandler(Map<String, String> env) {
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Recorder.record("mail", event);
    return Map.of("disposition", "CONTINUE");
  }
}
