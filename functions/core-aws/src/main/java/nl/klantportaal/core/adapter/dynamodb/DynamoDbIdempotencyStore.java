package nl.klantportaal.core.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.idempotency.port.IdempotencyKey;
import nl.klantportaal.core.idempotency.port.IdempotencyStore;
import nl.klantportaal.core.idempotency.port.StoredResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Idempotency records: claimed with a conditional put (absent, or expired by {@code expiresAt}, which
 * is also the table's TTL attribute), completed with the stored answer, released after a failure.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
  private final PortalTable table;

  public DynamoDbIdempotencyStore(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean tryClaim(IdempotencyKey key, String requestHash, Instant now, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put("type", AttributeValue.fromS("Idempotency"));
    item.put("requestHash", AttributeValue.fromS(requestHash));
    item.put("state", AttributeValue.fromS("IN_PROGRESS"));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    try {
      table.client().putItem(r -> r.tableName(table.name()).item(item)
          .conditionExpression("attribute_not_exists(PK) OR expiresAt < :now")
          .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<Record> find(IdempotencyKey key, Instant now) {
    GetItemResponse response = table.client().getItem(r -> r.tableName(table.name()).key(key(key)).consistentRead(true));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    if (Long.parseLong(item.get("expiresAt").n()) < now.getEpochSecond()) {
      return Optional.empty();
    }
    Optional<StoredResponse> answer = "COMPLETED".equals(item.get("state").s())
        ? Optional.of(new StoredResponse(
            Integer.parseInt(item.get("responseStatus").n()),
            item.get("responseHeaders").m().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())),
            item.get("responseBody").b().asByteArray()))
        : Optional.empty();
    return Optional.of(new Record(item.get("requestHash").s(), answer));
  }

  @Override
  public void complete(IdempotencyKey key, StoredResponse response) {
    Map<String, AttributeValue> headers = new HashMap<>();
    response.headers().forEach((name, value) -> headers.put(name, AttributeValue.fromS(value)));
    table.client().updateItem(r -> r.tableName(table.name()).key(key(key))
        .updateExpression("SET #state = :done, responseStatus = :status, responseHeaders = :headers, responseBody = :body")
        .conditionExpression("#state = :running")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(
            ":done", AttributeValue.fromS("COMPLETED"),
            ":running", AttributeValue.fromS("IN_PROGRESS"),
            ":status", AttributeValue.fromN(Integer.toString(response.status())),
            ":headers", AttributeValue.fromM(headers),
            ":body", AttributeValue.fromB(SdkBytes.fromByteArray(response.body())))));
  }

  @Override
  public void release(IdempotencyKey key) {
    table.client().deleteItem(r -> r.tableName(table.name()).key(key(key)));
  }

  static Map<String, AttributeValue> key(IdempotencyKey key) {
    String scoped = key.tenant().map(t -> t.value()).orElse("-") + "\n" + key.user().value() + "\n"
        + key.routeKey() + "\n" + key.clientKey();
    return Map.of(
        Keys.PK, AttributeValue.fromS(Keys.idempotency(key.tenant(), sha256(scoped))),
        Keys.SK, AttributeValue.fromS(Keys.IDEMPOTENCY_SK));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
