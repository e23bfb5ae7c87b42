package nl.klantportaal.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mail outbox of a local cloud's PortalTable: entries still waiting for a send sit on the DueIndex (DUE#MAIL#0..3). */
record Outbox(DynamoDbClient dynamoDb) {
  private static final String TABLE = "PortalTable";
  private static final int SHARDS = 4;

  /** The DueIndex entries of the mails still waiting for a send. */
  List<Map<String, AttributeValue>> pending() {
    List<Map<String, AttributeValue>> pending = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      String partition = "DUE#MAIL#" + shard;
      pending.addAll(dynamoDb.query(r -> r.tableName(TABLE).indexName("DueIndex").keyConditionExpression("DuePK = :p")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))).items());
    }
    return pending;
  }

  /** Waits (bounded) until no mail is pending: a mail is marked sent just after its send. */
  void awaitNonePending(Duration within) throws Exception {
    Poll.until(this::pending, List::isEmpty, within, pending -> pending.size() + " mails still pending after " + within);
  }

  /** Waits (bounded) until exactly {@code expected} mails are pending, each with the error of its failed send recorded. */
  void awaitFailedSends(int expected, Duration within) throws Exception {
    Poll.until(this::pending, due -> due.size() == expected && due.stream().allMatch(this::hasError), within,
        due -> "expected " + expected + " failed sends on the DueIndex, found " + due);
  }

  private boolean hasError(Map<String, AttributeValue> due) {
    return dynamoDb.getItem(r -> r.tableName(TABLE).key(Map.of("PK", due.get("PK"), "SK", due.get("SK")))).item()
        .containsKey("lastError");
  }
}
