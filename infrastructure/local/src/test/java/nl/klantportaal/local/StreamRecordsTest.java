package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Stream records read from DynamoDB Local become Lambda's JSON with every attribute type, empty
 * collections included. DynamoDB Local 3.1.0 writes an empty map in a stream image as a bare
 * {@code {}} (no {@code "M"}), which the SDK reads as a value of no type; the poller used to fail on
 * it and stalled every stream function of the table: one item with an empty map anywhere in the
 * table (written while tickets were raised through the API) blocked all ticket mail.
 */
class StreamRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path state;

  @Test
  void emptyListsAndMapsAndEveryOtherTypeReachTheFunctionAsTheyWereWritten() throws Exception {
    try (LocalDynamoDb local = LocalDynamoDb.start(StateFolder.open(state, true), Ports.anyFree().resolved().dynamodb());
        var dynamoDb = AwsClients.dynamoDb(local.endpoint());
        var streams = AwsClients.dynamoDbStreams(local.endpoint())) {
      dynamoDb.createTable(r -> r.tableName("Tickets")
          .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH))
          .billingMode("PAY_PER_REQUEST")
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      dynamoDb.putItem(r -> r.tableName("Tickets").item(Map.of(
          "PK", AttributeValue.fromS("TENANT#t#TICKET#00000001"),
          "involved", AttributeValue.fromL(List.of()),
          "answers", AttributeValue.fromM(Map.of()),
          "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))),
          "number", AttributeValue.fromN("1"),
          "active", AttributeValue.fromBool(true),
          "assigneeId", AttributeValue.fromNul(true))));
      String arn = dynamoDb.describeTable(r -> r.tableName("Tickets")).table().latestStreamArn();
      List<Record> records = new ArrayList<>();
      for (var shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        records.addAll(streams.getRecords(r -> r.shardIterator(iterator)).records());
      }
      assertEquals(1, records.size());

      JsonNode image = JSON.valueToTree(StreamRecords.event(records, arn)).path("Records").get(0).path("dynamodb")
          .path("NewImage");
      assertEquals(JSON.readTree("""
          {"PK": {"S": "TENANT#t#TICKET#00000001"}, "involved": {"L": []}, "answers": {"M": {}},
           "tags": {"L": [{"S": "a"}]}, "number": {"N": "1"}, "active": {"BOOL": true}, "assigneeId": {"NULL": true}}"""),
          image);
    }
  }
}
