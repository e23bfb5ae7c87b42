package nl.klantportaal.benchmarks.floors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB calls {@code POST /tickets} makes, in the same order and with the same overlap, and
 * nothing else: the sequence comes from {@code FLOOR_CALLS} (LambdaBenchmark passes the one it measured
 * through its counting proxy): rounds separated by commas, calls made alongside each other joined by
 * {@code +}, e.g. {@code get+get+put,transact,update}. Reads go to the items the benchmark seeded under
 * {@code BENCH#REF} (sizes like a profile, a customer and a catalogue); writes make new items.
 * {@code transact} writes {@code FLOOR_TRANSACT_ITEMS} conditional puts in one TransactWriteItems.
 */
public class SameCallsFloor implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DynamoDbClient dynamoDb = Floors.dynamoDb();
  private final List<List<String>> rounds;
  private final java.util.concurrent.ExecutorService alongside = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
  private final int itemCount;

  public SameCallsFloor() {
    this(System.getenv().getOrDefault("FLOOR_CALLS", "put"), 0);
  }

  /** The calls {@code calls} names, its transaction with {@code extraItems} more than {@code FLOOR_TRANSACT_ITEMS}. */
  protected SameCallsFloor(String calls, int extraItems) {
    this.rounds = java.util.Arrays.stream(calls.split(",")).map(round -> List.of(round.split("\\+"))).toList();
    this.itemCount = Integer.parseInt(System.getenv().getOrDefault("FLOOR_TRANSACT_ITEMS", "4")) + extraItems;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String table = Floors.table();
    String id = UUID.randomUUID().toString();
    for (List<String> round : rounds) {
      List<java.util.concurrent.Future<?>> others = new ArrayList<>();
      for (String call : round.subList(1, round.size())) {
        others.add(alongside.submit(() -> call(call, table, id, event.getBody())));
      }
      call(round.get(0), table, id, event.getBody());
      for (var other : others) {
        try {
          other.get();
        } catch (Exception e) {
          throw new IllegalStateException("a call made alongside failed", e);
        }
      }
    }
    return Floors.answer(201, "{\"id\":\"" + id + "\"}");
  }

  private void call(String call, String table, String id, String body) {
    switch (call.strip()) {
      case "get" -> dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key("BENCH#REF", "PROFILE")));
      case "query" -> dynamoDb.query(r -> r.tableName(table).keyConditionExpression("PK = :pk")
          .expressionAttributeValues(Map.of(":pk", Floors.s("BENCH#REF"))));
      case "batch" -> dynamoDb.batchGetItem(r -> r.requestItems(Map.of(table, KeysAndAttributes.builder()
          .consistentRead(true).keys(key("BENCH#REF", "PROFILE"), key("BENCH#REF", "CUSTOMER")).build())));
      case "put" -> dynamoDb.putItem(r -> r.tableName(table).item(item("BENCH#" + id, "CLAIM", body))
          .conditionExpression("attribute_not_exists(PK)"));
      case "update" -> dynamoDb.updateItem(r -> r.tableName(table).key(key("BENCH#REF", "COUNTER"))
          .updateExpression("ADD #n :one").expressionAttributeNames(Map.of("#n", "n"))
          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      case "transact" -> {
        List<TransactWriteItem> writes = transactItems(table, id, body);
        try {
          dynamoDb.transactWriteItems(r -> r.transactItems(writes));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
          List<String> failed = new ArrayList<>();
          for (int i = 0; i < e.cancellationReasons().size(); i++) {
            if (!"None".equals(e.cancellationReasons().get(i).code())) {
              failed.add(e.cancellationReasons().get(i).code() + ": " + writes.get(i));
            }
          }
          throw new IllegalStateException("the floor's transaction was cancelled: " + failed, e);
        }
      }
      default -> throw new IllegalArgumentException("FLOOR_CALLS names an unknown call: " + call);
    }
  }

  /** The transaction's items: {@code FLOOR_TRANSACT_ITEMS} conditional puts of a key and the body. */
  protected List<TransactWriteItem> transactItems(String table, String id, String body) {
    List<TransactWriteItem> writes = new ArrayList<>();
    for (int i = 0; i < itemCount; i++) {
      String sk = "ITEM#" + i;
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item("BENCH#" + id, sk, body))
          .conditionExpression("attribute_not_exists(PK)")).build());
    }
    return writes;
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", Floors.s(pk), "SK", Floors.s(sk));
  }

  private static Map<String, AttributeValue> item(String pk, String sk, String body) {
    return Map.of("PK", Floors.s(pk), "SK", Floors.s(sk), "body", Floors.s(body == null ? "" : body));
  }
}
