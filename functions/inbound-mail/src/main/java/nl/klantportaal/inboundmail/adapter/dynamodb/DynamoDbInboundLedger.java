package nl.klantportaal.inboundmail.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.inboundmail.domain.HeldMail;
import nl.klantportaal.inboundmail.domain.Outcome;
import nl.klantportaal.inboundmail.port.InboundLedger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Pattern 26: {@code PK = MSGID#<sha256(Message-ID)>, SK = MSGID}, claimed with a conditional put
 * (state RECEIVED, a lease), completed with the outcome (state DONE) on {@code state = RECEIVED}.
 * Pattern 26a: a held message's item for staff, {@code PK = INBOUND#HELD, SK = <receivedAt>#<hash>},
 * written in the completing transaction. Ledger items expire after 400 days (TTL {@code expiresAt});
 * held items stay until staff handle them.
 */
public final class DynamoDbInboundLedger implements InboundLedger {
  /** How long an attempt owns a claim: longer than the function's timeout, so two attempts never overlap. */
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration KEEP = Duration.ofDays(400);
  static final String SK = "MSGID";
  static final String HELD_PK = "INBOUND#HELD";

  private final PortalTable table;

  public DynamoDbInboundLedger(PortalTable table) {
    this.table = table;
  }

  public static String hash(String messageId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public static Map<String, AttributeValue> key(String messageId) {
    return Map.of(Keys.PK, s("MSGID#" + hash(messageId)), Keys.SK, s(SK));
  }

  @Override
  public Claim claim(String messageId, String rawKey, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(messageId));
    item.put("type", s("InboundMessage"));
    item.put("messageId", s(messageId.length() > 998 ? messageId.substring(0, 998) : messageId));
    item.put("rawKey", s(rawKey));
    item.put("state", s("RECEIVED"));
    item.put("claimedAt", s(now.toString()));
    item.put("attempts", n(1));
    item.put("expiresAt", n(now.plus(KEEP).getEpochSecond()));
    try {
      table.client().putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
      return new Claim.Fresh();
    } catch (ConditionalCheckFailedException e) {
      return existing(messageId, now);
    }
  }

  private Claim existing(String messageId, Instant now) {
    Map<String, AttributeValue> seen = table.client().getItem(r -> r.tableName(table.name()).key(key(messageId))
        .consistentRead(true)).item();
    if (seen == null || seen.isEmpty()) {
      throw new IllegalStateException("Inbound message claim vanished; retry");
    }
    if ("DONE".equals(seen.get("state").s())) {
      return new Claim.Done(seen.get("outcome").s() + " " + seen.get("detail").s());
    }
    String claimedAt = seen.get("claimedAt").s();
    if (Instant.parse(claimedAt).plus(LEASE).isAfter(now)) {
      return new Claim.Busy();
    }
    try {
      table.client().updateItem(r -> r.tableName(table.name()).key(key(messageId))
          .updateExpression("SET claimedAt = :now ADD attempts :one")
          .conditionExpression("#state = :received AND claimedAt = :seen")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":now", s(now.toString()), ":one", n(1), ":received", s("RECEIVED"),
              ":seen", s(claimedAt))));
      return new Claim.Fresh();
    } catch (ConditionalCheckFailedException e) {
      return new Claim.Busy();
    }
  }

  @Override
  public void complete(String messageId, Outcome outcome, Optional<HeldMail> held, Instant now) {
    TransactWriteItem done = TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(key(messageId))
        .updateExpression("SET #state = :done, outcome = :outcome, detail = :detail, completedAt = :now")
        .conditionExpression("#state = :received")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":done", s("DONE"), ":outcome", s(outcome.kind()), ":detail", s(outcome.detail()),
            ":now", s(now.toString()), ":received", s("RECEIVED")))
        .build()).build();
    if (held.isEmpty()) {
      table.client().transactWriteItems(r -> r.transactItems(done));
      return;
    }
    HeldMail h = held.get();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(HELD_PK));
    item.put(Keys.SK, s(h.receivedAt() + "#" + hash(messageId)));
    item.put("type", s("HeldMail"));
    item.put("messageId", s(messageId.length() > 998 ? messageId.substring(0, 998) : messageId));
    item.put("from", s(h.from()));
    item.put("subject", s(h.subject()));
    item.put("reason", s(h.reason()));
    item.put("verdicts", s(h.verdicts()));
    item.put("rawKey", s(h.rawKey()));
    item.put("receivedAt", s(h.receivedAt().toString()));
    TransactWriteItem keep = TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).build()).build();
    table.client().transactWriteItems(r -> r.transactItems(done, keep));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value.isEmpty() ? "-" : value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
