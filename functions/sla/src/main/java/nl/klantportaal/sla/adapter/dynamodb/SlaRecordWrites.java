package nl.klantportaal.sla.adapter.dynamodb;

import java.util.HashMap;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.adapter.dynamodb.RawItem;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaChange;
import nl.klantportaal.ticketing.adapter.dynamodb.CompanionItems;
import nl.klantportaal.ticketing.adapter.dynamodb.TicketKeys;
import nl.klantportaal.ticketing.adapter.dynamodb.TicketSideItem;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.CompanionWrite;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of one SLA record change, added to a transaction: the record, conditional on the version
 * read before the change (or on there being none), its due-index entries — each pending event's
 * item put when new or moved, deleted when no longer pending — and the outbox entries of the mails
 * the change announces, each only if absent. A ticket change adds them to its own
 * transaction; the scan's reschedule (a calendar edit moved a timer) writes them alone.
 */
public final class SlaRecordWrites implements CompanionItems {
  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final PortalTable table;
  private final DynamoDbTable<SlaItem> slas;
  private final DynamoDbTable<TicketSideItem> sides;

  public SlaRecordWrites(PortalTable table) {
    this.table = table;
    this.slas = table.table(SlaItem.SCHEMA);
    this.sides = table.table(TicketSideItem.SCHEMA);
  }

  @Override
  public void add(TransactWriteItemsEnhancedRequest.Builder request, TicketRef ref, CompanionWrite write) {
    if (!(write instanceof SlaChange change)) {
      throw new IllegalArgumentException("Not an SLA record change: " + write.getClass().getSimpleName());
    }
    add(request, ref, change);
  }

  void add(TransactWriteItemsEnhancedRequest.Builder request, TicketRef ref, SlaChange change) {
    if (!change.mails().isEmpty()) {
      // outbox items in the outbox's own format
      DynamoDbTable<RawItem> raw = table.table(RawItem.SCHEMA);
      for (var mail : change.mails()) {
        request.addPutItem(raw, TransactPutItemEnhancedRequest.builder(RawItem.class)
            .item(new RawItem(DynamoDbOutbox.item(mail, change.mailLeaseUntil())))
            .conditionExpression(ABSENT).build());
      }
    }
    Expression condition = change.before()
        .map(b -> Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", SlaItem.VERSION))
            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(b.version())))).build())
        .orElse(ABSENT);
    request.addPutItem(slas, TransactPutItemEnhancedRequest.builder(SlaItem.class)
        .item(SlaItem.from(ref, change.after())).conditionExpression(condition).build());
    Map<String, PendingSlaEvent> before = new HashMap<>();
    change.before().ifPresent(b -> b.pending().forEach(e -> before.put(slot(e), e)));
    Map<String, PendingSlaEvent> after = new HashMap<>();
    change.after().pending().forEach(e -> after.put(slot(e), e));
    for (var entry : after.entrySet()) {
      PendingSlaEvent old = before.get(entry.getKey());
      if (old == null || !old.dueAt().equals(entry.getValue().dueAt())) {
        request.addPutItem(sides, due(ref, entry.getValue()));
      }
    }
    for (String slot : before.keySet()) {
      if (!after.containsKey(slot)) {
        request.addDeleteItem(sides, Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(slot).build());
      }
    }
  }

  /** A pending SLA event on DueIndex: {@code STAFF#SLA#<KIND>#<TARGET>}. */
  private static TicketSideItem due(TicketRef ref, PendingSlaEvent event) {
    return TicketSideItem.due(ref, slot(event), "SlaDue", event.kind().name(), event.dueAt());
  }

  private static String slot(PendingSlaEvent event) {
    return Keys.slaDue(event.kind().name(), event.target().name());
  }
}
