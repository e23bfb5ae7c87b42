package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart priming of a function that is no HTTP API (stream, schedule, SES, SNS and Cognito
 * trigger functions): its steps run one after another with the priming context, each through the
 * function's real path on an input that names nothing, so nothing is written. A step that fails (an
 * S3 key that does not exist, a refused sign-in of a user who does not exist) is logged and kept as
 * the step's outcome; the next step still runs and the snapshot is still taken.
 *
 * <p>A handler keeps its priming in one method, {@code public Map<String, String> prime()}, which it
 * registers with {@link nl.klantportaal.core.observability.SnapStartPriming}.
 */
public final class Priming {
  /**
   * What priming's keys and names carry, so a log line or a failed read shows where it came from. No
   * id the portal makes can be this: customer ids end in a six-character random suffix
   * ({@code CreateCustomer}), outbox ids are hashes, SES message ids have no words.
   */
  public static final String NAME = "snapstart-priming";
  /** The outcome of a step that ran to its end. */
  public static final String ANSWERED = "answered";
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private final Context context = new PrimingContext();
  private final Map<String, String> outcomes = new LinkedHashMap<>();

  /** Runs one step with the priming context; its outcome is {@link #ANSWERED} or the failure it ended in. */
  public Priming step(String name, Consumer<Context> step) {
    try {
      step.accept(context);
      outcomes.put(name, ANSWERED);
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming step '{}' ended in {}: {} (it wrote nothing; the snapshot is taken all the same)", name,
          e.getClass().getSimpleName(), e.getMessage(), e);
      outcomes.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return this;
  }

  /** Each step's outcome, in the order they ran. */
  public Map<String, String> outcomes() {
    return new LinkedHashMap<>(outcomes);
  }

  /** A DynamoDB stream batch of one record, in the JSON shape the runtime delivers ({@link DynamodbStreamEvents}). */
  public static Map<String, Object> streamEvent(String eventName, Map<String, Object> keys, Map<String, Object> newImage) {
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("Keys", keys);
    dynamodb.put("NewImage", newImage);
    dynamodb.put("SequenceNumber", "0");
    dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventID", NAME);
    record.put("eventName", eventName);
    record.put("eventSource", "aws:dynamodb");
    record.put("dynamodb", dynamodb);
    return Map.of("Records", List.of(record));
  }

  /** A string attribute of a stream image. */
  public static Map<String, Object> s(String value) {
    return Map.of("S", value);
  }

  /** A number attribute of a stream image. */
  public static Map<String, Object> n(long value) {
    return Map.of("N", Long.toString(value));
  }
}
