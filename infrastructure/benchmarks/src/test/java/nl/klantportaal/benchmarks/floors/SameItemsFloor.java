package nl.klantportaal.benchmarks.floors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link SameCallsFloor}, but its transaction puts the very items {@code POST /tickets} put in its last
 * counted invocation ({@code FLOOR_TRANSACT_REQUEST}: the TransactWriteItems request body the counting
 * proxy saw), so DynamoDB Local does the same work for it: the same sizes, attributes and index entries.
 * Each invocation gives every item's {@code PK} a suffix of its own, so the puts stay new and their
 * {@code attribute_not_exists} conditions hold; the index keys are left as they were. Only puts are
 * replayed (a create's transaction makes nothing else; anything else stops the floor). The request is
 * read with the SDK's own JSON parser, at construction.
 */
public final class SameItemsFloor extends SameCallsFloor {
  private final List<Put> puts = puts(read(Path.of(System.getenv("FLOOR_TRANSACT_REQUEST"))));

  @Override
  protected List<TransactWriteItem> transactItems(String table, String id, String body) {
    List<TransactWriteItem> writes = new ArrayList<>(puts.size());
    for (Put put : puts) {
      Map<String, AttributeValue> item = new LinkedHashMap<>(put.item());
      item.put("PK", Floors.s(item.get("PK").s() + "#" + id));
      writes.add(TransactWriteItem.builder().put(put.toBuilder().tableName(table).item(item).build()).build());
    }
    return writes;
  }

  private static JsonNode read(Path request) {
    try {
      return JsonNode.parser().parse(Files.readAllBytes(request));
    } catch (IOException e) {
      throw new UncheckedIOException("the same-items floor cannot read " + request, e);
    }
  }

  private static List<Put> puts(JsonNode request) {
    List<Put> puts = new ArrayList<>();
    for (JsonNode write : request.field("TransactItems").orElseThrow().asArray()) {
      JsonNode put = write.field("Put").orElseThrow(() -> new IllegalStateException(
          "the same-items floor replays puts only, not " + write.asObject().keySet()));
      Put.Builder builder = Put.builder().item(map(put.field("Item").orElseThrow()));
      put.field("ConditionExpression").ifPresent(c -> builder.conditionExpression(c.text()));
      put.field("ExpressionAttributeNames").ifPresent(names -> {
        Map<String, String> n = new LinkedHashMap<>();
        names.asObject().forEach((k, v) -> n.put(k, v.text()));
        builder.expressionAttributeNames(n);
      });
      put.field("ExpressionAttributeValues").ifPresent(values -> builder.expressionAttributeValues(map(values)));
      puts.add(builder.build());
    }
    return puts;
  }

  private static Map<String, AttributeValue> map(JsonNode object) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    object.asObject().forEach((name, value) -> map.put(name, value(value)));
    return map;
  }

  /** DynamoDB's JSON for one attribute value, as the wire carries it. */
  private static AttributeValue value(JsonNode node) {
    Map.Entry<String, JsonNode> typed = node.asObject().entrySet().iterator().next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> AttributeValue.fromS(v.text());
      case "N" -> AttributeValue.fromN(v.text());
      case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(v.text()));
      case "NULL" -> AttributeValue.fromNul(true);
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(v.text())));
      case "SS" -> AttributeValue.fromSs(v.asArray().stream().map(JsonNode::text).toList());
      case "NS" -> AttributeValue.fromNs(v.asArray().stream().map(JsonNode::text).toList());
      case "L" -> AttributeValue.fromL(v.asArray().stream().map(SameItemsFloor::value).toList());
      case "M" -> AttributeValue.fromM(map(v));
      default -> throw new IllegalStateException("the same-items floor does not know the attribute type " + typed.getKey());
    };
  }
}
