package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records the PK of each new image; an item with {@code poison = true} fails the whole batch (an
 * exception), one with {@code reject = true} is reported as a partial batch item failure.
 */
public final class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  public StreamHandler() {
    this(System.getenv());
  }

  public StreamHandler(Map<String, String> env) {
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
      if (image == null) {
        continue;
      }
      String pk = image.get("PK").getS();
      if (flag(image, "poison")) {
        Recorder.record("stream-attempt", pk);
        throw new IllegalStateException("poisoned record " + pk);
      }
      if (flag(image, "reject") || !failures.isEmpty()) {
        failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
        Recorder.record("stream-attempt", pk);
        break;
      }
      Recorder.record("stream", pk);
    }
    return new StreamsEventResponse(failures);
  }

  private static boolean flag(Map<String, AttributeValue> image, String name) {
    return image.containsKey(name) && Boolean.TRUE.equals(image.get(name).getBOOL());
  }
}
