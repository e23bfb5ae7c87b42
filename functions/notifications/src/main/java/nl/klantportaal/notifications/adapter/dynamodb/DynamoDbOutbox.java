package nl.klantportaal.notifications.adapter.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.port.Outbox;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@code OUTBOX#<id> / OUTBOX}: claimed with {@code attribute_not_exists(PK)}; every later change
 * is conditional on {@code state = PENDING}. A PENDING entry carries {@code DuePK = DUE#MAIL#<shard>}
 * and {@code DueSK = <nextAttemptAt>#MAIL#<id>}; SENT and FAILED entries carry neither. Entries
 * expire (TTL {@code expiresAt}) 30 days after they were claimed, long after any stream redelivery.
 *
 * <p>An attachment is kept in the item itself, as the binary {@code attachment} with
 * {@code attachmentName} and {@code attachmentType}, so a retry needs nothing but the item. It may be
 * at most {@link #MAX_ATTACHMENT_BYTES}: a DynamoDB item holds 400 KB in all, and the rendered text and
 * HTML and the keys need room too. A larger one is refused before anything is written.
 */
public final class DynamoDbOutbox implements Outbox {
  static final Duration KEEP = Duration.ofDays(30);
  /** 300 KiB: an invoice PDF is tens of kilobytes; the rest of DynamoDB's 400 KB is the mail and the keys. */
  public static final int MAX_ATTACHMENT_BYTES = 300 * 1024;

  private final PortalTable table;

  public DynamoDbOutbox(PortalTable table) {
    this.table = table;
  }

  /**
   * The stored form of a new PENDING entry, on DueIndex at {@code leaseUntil} (also put by the SLA scan's
   * transaction); an attachment above {@link #MAX_ATTACHMENT_BYTES} is an {@link IllegalArgumentException}.
   */
  public static Map<String, AttributeValue> item(OutboxEntry e, Instant leaseUntil) {
    e.attachment().filter(a -> a.size() > MAX_ATTACHMENT_BYTES).ifPresent(a -> {
      throw new IllegalArgumentException("An outbox attachment is at most 300 KiB; this one has " + a.size() + " bytes");
    });
    Map<String, AttributeValue> item = new HashMap<>(key(e.id()));
    item.put("type", s("Outbox"));
    item.put("id", s(e.id()));
    item.put("eventId", s(e.eventId()));
    item.put("kind", s(e.kind().name()));
    item.put("tenantId", s(e.tenant().value()));
    item.put("number", n(e.number()));
    item.put("recipientId", s(e.recipientId()));
    item.put("to", s(e.to()));
    item.put("subject", s(e.subject()));
    item.put("text", s(e.text()));
    item.put("html", s(e.html()));
    e.attachment().ifPresent(a -> {
      item.put("attachment", AttributeValue.fromB(SdkBytes.fromByteArray(a.content())));
      item.put("attachmentName", s(a.fileName()));
      item.put("attachmentType", s(a.contentType()));
    });
    item.put("messageId", s(e.messageId()));
    item.put("threadRootId", s(e.threadRootId()));
    item.put("state", s(OutboxEntry.State.PENDING.name()));
    item.put("attempts", n(e.attempts()));
    item.put("nextAttemptAt", s(leaseUntil.toString()));
    item.put("createdAt", s(e.createdAt().toString()));
    item.put("expiresAt", n(e.createdAt().plus(KEEP).getEpochSecond()));
    item.put(Keys.DUE_PK, s(Keys.dueMail(Keys.dueMailShard(e.id()))));
    item.put(Keys.DUE_SK, s(Keys.dueMailSort(leaseUntil, e.id())));
    item.put(Keys.GSI1PK, s(Keys.mailTo(e.recipientId())));
    item.put(Keys.GSI1SK, s(e.createdAt() + "#" + e.id()));
    return item;
  }

  @Override
  public boolean claim(OutboxEntry e, Instant leaseUntil) {
    Map<String, AttributeValue> item = item(e, leaseUntil);
    try {
      table.client().putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public Optional<OutboxEntry> find(String id) {
    GetItemResponse response = table.client().getItem(r -> r.tableName(table.name()).key(key(id)).consistentRead(true));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> i = response.item();
    return Optional.of(new OutboxEntry(i.get("id").s(), i.get("eventId").s(), MailKind.valueOf(i.get("kind").s()),
        new TenantId(i.get("tenantId").s()), Long.parseLong(i.get("number").n()), i.get("recipientId").s(), i.get("to").s(),
        i.get("subject").s(), i.get("text").s(), i.get("html").s(), attachment(i), i.get("messageId").s(), i.get("threadRootId").s(),
        OutboxEntry.State.valueOf(i.get("state").s()), Integer.parseInt(i.get("attempts").n()),
        Optional.ofNullable(i.get("nextAttemptAt")).map(v -> Instant.parse(v.s())), Instant.parse(i.get("createdAt").s())));
  }

  @Override
  public List<String> due(Instant now, int limitPerShard) {
    List<String> ids = new ArrayList<>();
    for (int shard = 0; shard < Keys.MAIL_DUE_SHARDS; shard++) {
      String partition = Keys.dueMail(shard);
      // Up to now inclusive: "<now>#MAIL#" sorts before every entry due in this second, so "~" closes the range.
      QueryResponse page = table.client().query(r -> r.tableName(table.name()).indexName(Keys.DUE_INDEX)
          .keyConditionExpression("DuePK = :p AND DueSK <= :now")
          .expressionAttributeValues(Map.of(":p", s(partition), ":now", s(Keys.dueMailBound(now) + "~")))
          .limit(limitPerShard));
      page.items().forEach(item -> ids.add(Keys.outboxIdOf(item.get(Keys.PK).s())));
    }
    return ids;
  }

  @Override
  public boolean takeLease(OutboxEntry seen, Instant leaseUntil) {
    try {
      table.client().updateItem(r -> r.tableName(table.name()).key(key(seen.id()))
          .updateExpression("SET attempts = attempts + :one, nextAttemptAt = :next, DueSK = :due")
          .conditionExpression("#state = :pending AND nextAttemptAt = :seen")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":one", n(1), ":next", s(leaseUntil.toString()),
              ":due", s(Keys.dueMailSort(leaseUntil, seen.id())), ":pending", s(OutboxEntry.State.PENDING.name()),
              ":seen", s(seen.nextAttemptAt().orElseThrow().toString()))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  public boolean markSent(String id, Instant at, String providerMessageId) {
    Update update = sentUpdate(new SentMark(id, at, providerMessageId));
    try {
      table.client().updateItem(r -> r.tableName(update.tableName()).key(update.key())
          .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
          .expressionAttributeNames(update.expressionAttributeNames())
          .expressionAttributeValues(update.expressionAttributeValues()));
      return true;
    } catch (ConditionalCheckFailedException notPending) {
      return false;
    }
  }

  /**
   * The marks in transactions of up to {@value #MARKS_PER_TRANSACTION} conditional updates (each the
   * update {@link #markSent} makes, on {@code state = PENDING}). A transaction that is cancelled (one of
   * its entries no longer PENDING, or a conflicting write) wrote nothing, so its marks are then written
   * one by one, each with its own condition.
   */
  @Override
  public List<String> markAllSent(List<SentMark> marks) {
    List<String> notPending = new ArrayList<>();
    for (int from = 0; from < marks.size(); from += MARKS_PER_TRANSACTION) {
      List<SentMark> chunk = marks.subList(from, Math.min(marks.size(), from + MARKS_PER_TRANSACTION));
      if (chunk.size() > 1) {
        try {
          table.client().transactWriteItems(r -> r.transactItems(chunk.stream()
              .map(mark -> TransactWriteItem.builder().update(sentUpdate(mark)).build()).toList()));
          continue;
        } catch (TransactionCanceledException cancelled) {
          // Nothing of this chunk was written; each mark on its own below.
        }
      }
      chunk.stream().filter(mark -> !markSent(mark.id(), mark.at(), mark.providerMessageId())).forEach(mark -> notPending.add(mark.id()));
    }
    return notPending;
  }

  /** DynamoDB's limit of actions in one transaction. */
  static final int MARKS_PER_TRANSACTION = 100;

  private Update sentUpdate(SentMark mark) {
    return Update.builder().tableName(table.name()).key(key(mark.id()))
        .updateExpression("SET #state = :sent, sentAt = :at, providerMessageId = :pid REMOVE nextAttemptAt, DuePK, DueSK")
        .conditionExpression("#state = :pending")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":sent", s(OutboxEntry.State.SENT.name()), ":at", s(mark.at().toString()),
            ":pid", s(mark.providerMessageId()), ":pending", s(OutboxEntry.State.PENDING.name())))
        .build();
  }

  @Override
  public void markRetry(String id, Instant next, String reason) {
    table.client().updateItem(r -> r.tableName(table.name()).key(key(id))
        .updateExpression("SET nextAttemptAt = :next, DueSK = :due, lastError = :reason")
        .conditionExpression("#state = :pending")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":next", s(next.toString()), ":due", s(Keys.dueMailSort(next, id)),
            ":reason", s(reason), ":pending", s(OutboxEntry.State.PENDING.name()))));
  }

  @Override
  public void markFailed(String id, Instant at, String reason) {
    table.client().updateItem(r -> r.tableName(table.name()).key(key(id))
        .updateExpression("SET #state = :failed, failedAt = :at, lastError = :reason REMOVE nextAttemptAt, DuePK, DueSK")
        .conditionExpression("#state = :pending")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":failed", s(OutboxEntry.State.FAILED.name()), ":at", s(at.toString()),
            ":reason", s(reason), ":pending", s(OutboxEntry.State.PENDING.name()))));
  }

  private static Optional<MailSender.Attachment> attachment(Map<String, AttributeValue> item) {
    return Optional.ofNullable(item.get("attachment")).map(bytes -> new MailSender.Attachment(item.get("attachmentName").s(),
        item.get("attachmentType").s(), bytes.b().asByteArray()));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(Keys.PK, s(Keys.outbox(id)), Keys.SK, s(Keys.OUTBOX_SK));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
