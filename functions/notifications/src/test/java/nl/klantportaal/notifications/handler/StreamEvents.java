package nl.klantportaal.notifications.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a table's stream on DynamoDB Local and hands the records over as Lambda's DynamodbEvent. */
final class StreamEvents {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private int consumed;

  StreamEvents(DynamoDbStreamsClient streams, String streamArn) {
    this.streams = streams;
    this.streamArn = streamArn;
  }

  /** The records written since the last call, from every shard, as one event. */
  DynamodbEvent next() {
    List<Record> all = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      for (int i = 0; i < 20 && iterator != null; i++) {
        String current = iterator;
        var response = streams.getRecords(r -> r.shardIterator(current));
        all.addAll(response.records());
        if (response.records().isEmpty()) {
          break;
        }
        iterator = response.nextShardIterator();
      }
    }
    List<Record> fresh = all.subList(consumed, all.size());
    consumed = all.size();
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(fresh.stream().map(StreamEvents::record).toList());
    return event;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(Record source) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID(source.eventID());
    record.setEventName(source.eventNameAsString());
    record.setEventSource("aws:dynamodb");
    record.setEventSourceARN("arn:aws:dynamodb:eu-west-1:000000000000:table/test/stream/local");
    StreamRecord stream = new StreamRecord();
    stream.setKeys(image(source.dynamodb().keys()));
    if (source.dynamodb().hasNewImage()) {
      stream.setNewImage(image(source.dynamodb().newImage()));
    }
    if (source.dynamodb().hasOldImage()) {
      stream.setOldImage(image(source.dynamodb().oldImage()));
    }
    stream.setSequenceNumber(source.dynamodb().sequenceNumber());
    stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
        source.dynamodb().streamViewTypeAsString()));
    record.setDynamodb(stream);
    return record;
  }

  private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> in) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    AttributeValue out = new AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case L -> out.setL(v.l().stream().map(StreamEvents::value).toList());
      case M -> out.setM(image(v.m()));
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
      default -> throw new IllegalArgumentException("Unexpected attribute type " + v.type());
    }
    return out;
  }
}
