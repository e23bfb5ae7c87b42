package nl.klantportaal.sla.adapter.dynamodb;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaChange;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.sla.port.SlaOutcomes;
import nl.klantportaal.sla.port.SlaRecords;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.adapter.dynamodb.TicketKeys;
import nl.klantportaal.ticketing.adapter.dynamodb.TicketSideItem;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * SLA records ({@code STAFF#SLA}, pattern 32), the firing of their due events (pattern 31) and the
 * customers' monthly compliance counters ({@code TENANT#<t> / SLA#<yyyy-mm>}, pattern 33, {@code ADD}) with
 * each counted outcome beside them ({@code SLA#<yyyy-mm>#OUTCOME#<n8>#<TARGET>}, pattern 33a).
 */
public final class DynamoDbSlaRecords implements SlaRecords, SlaOutcomes {
  private static final List<String> COUNTERS = List.of("responseMet", "responseBreached", "resolutionMet",
      "resolutionBreached");

  private final PortalTable table;
  private final DynamoDbTable<SlaItem> slas;
  private final DynamoDbTable<TicketSideItem> sides;
  private final SlaRecordWrites writes;

  public DynamoDbSlaRecords(PortalTable table) {
    this.table = table;
    this.slas = table.table(SlaItem.SCHEMA);
    this.sides = table.table(TicketSideItem.SCHEMA);
    this.writes = new SlaRecordWrites(table);
  }

  @Override
  public Optional<SlaRecord> find(TicketRef ref) {
    SlaItem item = slas.getItem(r -> r.key(Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(Keys.SLA_SK).build())
        .consistentRead(true));
    return Optional.ofNullable(item).map(SlaItem::toDomain);
  }

  /** Consistent, as {@link #find}: one BatchGetItem per 100 records. */
  @Override
  public Map<TicketRef, SlaRecord> findAll(Collection<TicketRef> refs) {
    Map<String, TicketRef> byKey = new HashMap<>();
    refs.forEach(ref -> byKey.put(TicketKeys.ticket(ref), ref));
    Map<TicketRef, SlaRecord> found = new HashMap<>();
    table.batchGet(slas, byKey.keySet().stream()
            .map(pk -> Key.builder().partitionValue(pk).sortValue(Keys.SLA_SK).build()).toList(), true)
        .forEach(item -> found.put(byKey.get(item.pk), item.toDomain()));
    return found;
  }

  @Override
  public boolean fire(TicketRef ref, PendingSlaEvent event, List<String> firedKeys, List<OutboxEntry> mails,
      Instant mailLeaseUntil, Optional<ComplianceCount> count) {
    String kind = event.kind().name();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table.name())
        .key(key(TicketKeys.ticket(ref), Keys.slaDue(kind, event.target().name())))
        .conditionExpression("#sk = :seen")
        .expressionAttributeNames(Map.of("#sk", Keys.DUE_SK))
        .expressionAttributeValues(Map.of(":seen", s(TicketKeys.due(SlaRecord.seconds(event.dueAt()).toString(), kind, ref))))
        .build()).build());
    writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
        .key(key(TicketKeys.ticket(ref), Keys.SLA_SK))
        .conditionExpression("attribute_exists(PK)")
        .updateExpression("ADD #fired :keys, #v :one")
        .expressionAttributeNames(Map.of("#fired", SlaItem.FIRED, "#v", SlaItem.VERSION))
        .expressionAttributeValues(Map.of(":keys", AttributeValue.fromSs(firedKeys), ":one", AttributeValue.fromN("1")))
        .build()).build());
    for (OutboxEntry mail : mails) {
      writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
          .item(DynamoDbOutbox.item(mail, mailLeaseUntil)).conditionExpression("attribute_not_exists(PK)").build()).build());
    }
    count.ifPresent(c -> writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
        .key(key(Keys.tenant(c.tenant()), Keys.slaMonth(c.month())))
        .updateExpression("ADD #counter :one SET #type = :type, #month = :month")
        .expressionAttributeNames(Map.of("#counter", c.attribute(), "#type", "type", "#month", "month"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":type", s("SlaCompliance"),
            ":month", s(c.month().toString())))
        .build()).build()));
    count.ifPresent(c -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
        .item(outcomeItem(c)).build()).build()));
    return table.transactIfConditionsHold(writes);
  }

  @Override
  public boolean reschedule(TicketRef ref, SlaChange change) {
    var request = TransactWriteItemsEnhancedRequest.builder();
    writes.add(request, ref, change);
    return conditionally(() -> table.enhanced().transactWriteItems(request.build()));
  }

  /** Runs a conditional transaction: true when written, false when a condition failed (nothing was written). */
  private static boolean conditionally(Runnable transaction) {
    try {
      transaction.run();
      return true;
    } catch (TransactionCanceledException e) {
      if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public ComplianceMonth month(TenantId tenant, YearMonth month) {
    var item = table.client().getItem(r -> r.tableName(table.name()).key(key(Keys.tenant(tenant), Keys.slaMonth(month)))
        .consistentRead(true)).item();
    long[] values = new long[COUNTERS.size()];
    for (int i = 0; i < values.length; i++) {
      AttributeValue value = item == null ? null : item.get(COUNTERS.get(i));
      values[i] = value == null ? 0 : Long.parseLong(value.n());
    }
    return new ComplianceMonth(month, values[0], values[1], values[2], values[3]);
  }

  /** Pattern 33a: the counted outcome per ticket and target, replaced (not added to) when counted again. */
  private static Map<String, AttributeValue> outcomeItem(ComplianceCount c) {
    return Map.of(Keys.PK, s(Keys.tenant(c.tenant())),
        Keys.SK, s(outcomePrefix(c.month()) + String.format("%08d", c.ticketNumber()) + "#" + c.target().name()),
        "type", s("SlaOutcome"), "ticket", AttributeValue.fromN(Long.toString(c.ticketNumber())),
        "target", s(c.target().name()), "priority", s(c.priority().name()), "met", AttributeValue.fromBool(c.met()),
        "dueAt", s(c.dueAt().toString()));
  }

  private static String outcomePrefix(YearMonth month) {
    return Keys.slaMonth(month) + "#OUTCOME#";
  }

  @Override
  public List<SlaOutcomes.Outcome> ofMonth(TenantId tenant, YearMonth month) {
    return table.client().queryPaginator(r -> r.tableName(table.name())
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
            .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(tenant)), ":prefix", s(outcomePrefix(month)))))
        .items().stream()
        .map(i -> new SlaOutcomes.Outcome(Long.parseLong(i.get("ticket").n()), TargetKind.valueOf(i.get("target").s()),
            Priority.valueOf(i.get("priority").s()), i.get("met").bool(), Instant.parse(i.get("dueAt").s())))
        .toList();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
