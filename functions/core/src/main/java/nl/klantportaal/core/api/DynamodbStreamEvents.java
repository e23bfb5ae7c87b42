package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB stream batch as Lambda delivers it (JSON read into a map) made into aws-lambda-java-events'
 * {@link DynamodbEvent}. The stream functions take the map, not the event type: for a DynamodbEvent
 * parameter the Java runtime's serializer loads {@code org.joda.time.DateTime} from the function's
 * artefact (aws/aws-lambda-java-libs#72), and the artefacts carry no Joda. The local cloud runs each
 * function from its artefact, so it fails the same way the runtime would.
 */
public final class DynamodbStreamEvents {
  private DynamodbStreamEvents() {}

  public static DynamodbEvent read(Map<String, Object> event) {
    DynamodbEvent result = new DynamodbEvent();
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (Object each : list(event == null ? null : event.get("Records"))) {
      records.add(record(map(each)));
    }
    result.setRecords(records);
    return result;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(Map<String, Object> source) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID(string(source.get("eventID")));
    record.setEventName(string(source.get("eventName")));
    record.setEventVersion(string(source.get("eventVersion")));
    record.setEventSource(string(source.get("eventSource")));
    record.setAwsRegion(string(source.get("awsRegion")));
    record.setEventSourceARN(string(source.get("eventSourceARN")));
    if (source.get("dynamodb") instanceof Map<?, ?> dynamodb) {
      record.setDynamodb(stream(map(dynamodb)));
    }
    return record;
  }

  private static StreamRecord stream(Map<String, Object> source) {
    StreamRecord stream = new StreamRecord();
    if (source.get("ApproximateCreationDateTime") instanceof Number seconds) {
      stream.setApproximateCreationDateTime(new Date(Math.round(seconds.doubleValue() * 1000)));
    }
    stream.setKeys(image(source.get("Keys")));
    stream.setNewImage(image(source.get("NewImage")));
    stream.setOldImage(image(source.get("OldImage")));
    stream.setSequenceNumber(string(source.get("SequenceNumber")));
    if (source.get("SizeBytes") instanceof Number size) {
      stream.setSizeBytes(size.longValue());
    }
    if (source.get("StreamViewType") instanceof String viewType) {
      stream.setStreamViewType(StreamViewType.fromValue(viewType));
    }
    return stream;
  }

  /** An item image; absent stays absent (null), as in the runtime's event. */
  private static Map<String, AttributeValue> image(Object source) {
    if (!(source instanceof Map<?, ?> attributes)) {
      return null;
    }
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    attributes.forEach((name, value) -> image.put(String.valueOf(name), value(map(value))));
    return image;
  }

  private static AttributeValue value(Map<String, Object> source) {
    AttributeValue value = new AttributeValue();
    for (Map.Entry<String, Object> typed : source.entrySet()) {
      Object v = typed.getValue();
      switch (typed.getKey()) {
        case "S" -> value.setS(string(v));
        case "N" -> value.setN(string(v));
        case "B" -> value.setB(bytes(v));
        case "SS" -> value.setSS(list(v).stream().map(DynamodbStreamEvents::string).toList());
        case "NS" -> value.setNS(list(v).stream().map(DynamodbStreamEvents::string).toList());
        case "BS" -> value.setBS(list(v).stream().map(DynamodbStreamEvents::bytes).toList());
        case "M" -> value.setM(image(v));
        case "L" -> value.setL(list(v).stream().map(item -> value(map(item))).toList());
        case "NULL" -> value.setNULL(Boolean.TRUE.equals(v));
        case "BOOL" -> value.setBOOL(Boolean.TRUE.equals(v));
        default -> throw new IllegalArgumentException("A stream attribute value of unknown type " + typed.getKey());
      }
    }
    return value;
  }

  private static ByteBuffer bytes(Object base64) {
    return ByteBuffer.wrap(Base64.getDecoder().decode(string(base64)));
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("A stream event part that is not a JSON object: " + value);
  }
}
