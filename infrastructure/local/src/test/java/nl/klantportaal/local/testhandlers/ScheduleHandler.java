package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** Records each EventBridge scheduled event it receives. */
public final class ScheduleHandler implements RequestHandler<ScheduledEvent, String> {

  public ScheduleHandler() {
    this(System.getenv());
  }

  public ScheduleHandler(Map<String, String> env) {
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    Recorder.record("schedule", event);
    return "done";
  }
}
