package nl.klantportaal.inboundmail.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.inboundmail.domain.HeldMail;
import nl.klantportaal.inboundmail.port.HeldMessages;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Held messages (pattern 26a: {@code PK = INBOUND#HELD}, {@code SK = <receivedAt>#<hash>}); the id a route
 * carries is the sort key in URL-safe base64. Handling sets {@code handledAt}, {@code handledBy} and
 * {@code handled} on the item (conditional: once); the waiting list is the keyed query, newest first,
 * filtered to the items not handled.
 */
public final class DynamoDbHeldMessages implements HeldMessages {
  private final PortalTable table;

  public DynamoDbHeldMessages(PortalTable table) {
    this.table = table;
  }

  @Override
  public Listing waiting(int limit) {
    List<Held> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request = QueryRequest.builder().tableName(table.name()).scanIndexForward(false)
          .keyConditionExpression("PK = :pk").filterExpression("attribute_not_exists(handledAt)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbInboundLedger.HELD_PK))).limit(100);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      var page = table.client().query(request.build());
      for (var item : page.items()) {
        if (items.size() == limit) {
          return new Listing(items, true);
        }
        items.add(held(item));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new Listing(items, false);
  }

  @Override
  public Optional<Held> find(String id) {
    Optional<String> sk = sortKey(id);
    if (sk.isEmpty()) {
      return Optional.empty();
    }
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(key(sk.get())));
    return answer.hasItem() && !answer.item().isEmpty() && !answer.item().containsKey("handledAt")
        ? Optional.of(held(answer.item())) : Optional.empty();
  }

  @Override
  public boolean handle(String id, String how, String by, Instant at) {
    Optional<String> sk = sortKey(id);
    if (sk.isEmpty()) {
      return false;
    }
    // false when someone handled it first, or there is no such message. A discard is audited in the same
    // transaction (append-only, docs/privacy.md); a mail made into a ticket is audited by the ticket's own
    // creation entry, since the claim is released again when the ticket is refused.
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key(sk.get()))
        .updateExpression("SET handledAt = :at, handledBy = :by, handled = :how")
        .conditionExpression("attribute_exists(PK) AND attribute_not_exists(handledAt)")
        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()), ":by", AttributeValue.fromS(by),
            ":how", AttributeValue.fromS(how)))).build());
    if (how.equals("discarded")) {
      writes.add(AuditItems.put(table.name(), new AuditRecord(at, by, "held-mail-discarded",
          new AuditObject("held-mail", sk.get().substring(sk.get().indexOf('#') + 1)), Map.of())));
    }
    return table.transactIfConditionsHold(writes);
  }

  @Override
  public void release(String id) {
    sortKey(id).ifPresent(sk -> table.client().updateItem(r -> r.tableName(table.name()).key(key(sk))
        .updateExpression("REMOVE handledAt, handledBy, handled")));
  }

  private static Map<String, AttributeValue> key(String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(DynamoDbInboundLedger.HELD_PK), Keys.SK, AttributeValue.fromS(sk));
  }

  private static Held held(Map<String, AttributeValue> item) {
    String sk = item.get(Keys.SK).s();
    return new Held(Base64.getUrlEncoder().withoutPadding().encodeToString(sk.getBytes(StandardCharsets.UTF_8)),
        new HeldMail(item.get("messageId").s(), item.get("from").s(), item.get("subject").s(), item.get("reason").s(),
            item.get("verdicts").s(), item.get("rawKey").s(), Instant.parse(item.get("receivedAt").s())));
  }

  /** The sort key an id stands for, when it is one (a base64url of {@code <instant>#<64 hex>}). */
  private static Optional<String> sortKey(String id) {
    if (id.length() > 200 || !id.matches("[A-Za-z0-9_-]+")) {
      return Optional.empty();
    }
    String sk;
    try {
      sk = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64: no id of ours
    }
    return sk.matches("[0-9TZ:.-]+#[0-9a-f]{64}") ? Optional.of(sk) : Optional.empty();
  }
}
