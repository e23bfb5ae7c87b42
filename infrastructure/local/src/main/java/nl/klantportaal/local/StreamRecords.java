package nl.klantportaal.local;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** DynamoDB stream records in the JSON shape Lambda's event source mapping hands to a function. */
final class StreamRecords {

  private StreamRecords() {}

  static Map<String, Object> event(List<Record> records, String streamArn) {
    return Map.of("Records", records.stream().map(r -> record(r, streamArn)).toList());
  }

  static Map<String, Object> record(Record record, String streamArn) {
    StreamRecord stream = record.dynamodb();
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    if (stream.approximateCreationDateTime() != null) {
      dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
    }
    dynamodb.put("Keys", image(stream.keys()));
    if (stream.hasNewImage()) {
      dynamodb.put("NewImage", image(stream.newImage()));
    }
    if (stream.hasOldImage()) {
      dynamodb.put("OldImage", image(stream.oldImage()));
    }
    dynamodb.put("SequenceNumber", stream.sequenceNumber());
    dynamodb.put("SizeBytes", stream.sizeBytes());
    dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("eventID", record.eventID());
    json.put("eventName", record.eventNameAsString());
    json.put("eventVersion", record.eventVersion());
    json.put("eventSource", "aws:dynamodb");
    json.put("awsRegion", AwsClients.REGION);
    json.put("dynamodb", dynamodb);
    json.put("eventSourceARN", streamArn);
    return json;
  }

  private static Map<String, Object> image(Map<String, AttributeValue> image) {
    Map<String, Object> json = new LinkedHashMap<>();
    image.forEach((name, value) -> json.put(name, value(value)));
    return json;
  }

  private static Map<String, Object> value(AttributeValue v) {
    return switch (v.type()) {
      case S -> Map.of("S", v.s());
      case N -> Map.of("N", v.n());
      case B -> Map.of("B", base64(v.b()));
      case SS -> Map.of("SS", v.ss());
      case NS -> Map.of("NS", v.ns());
      case BS -> Map.of("BS", v.bs().stream().map(StreamRecords::base64).toList());
      case M -> Map.of("M", image(v.m()));
      case L -> Map.of("L", v.l().stream().map(StreamRecords::value).toList());
      case BOOL -> Map.of("BOOL", v.bool());
      case NUL -> Map.of("NULL", true);
      // DynamoDB Local 3.1.0 writes an empty map in a stream image as a bare {} (no "M"), which the
      // SDK reads as a value of no type. Every other DynamoDB value carries its type (an empty list
      // arrives as {"L": []}), so a typeless value is that empty map.
      case UNKNOWN_TO_SDK_VERSION -> Map.of("M", Map.of());
    };
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
