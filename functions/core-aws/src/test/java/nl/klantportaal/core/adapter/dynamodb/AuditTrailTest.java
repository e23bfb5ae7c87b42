package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The shared audit shape: append-only puts, read back per object and per actor, newest first, cursor-paged. */
class AuditTrailTest {
  private final LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
  private final PortalTable table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
      new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
  private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(table);
  private final AuditObject acme = AuditObject.customer("acme-k3j9pq");

  @Test
  void entriesAreReadPerObjectAndPerActorNewestFirstAcrossPages() {
    Instant t0 = Instant.parse("2026-11-23T09:30:00Z");
    for (int i = 0; i < 3; i++) {
      assertTrue(table.transactIfConditionsHold(List.of(AuditItems.put(table.name(),
          new AuditRecord(t0.plusSeconds(i), "admin-1", "customer-updated", acme, Map.of("step", "" + i))))));
    }
    assertTrue(table.transactIfConditionsHold(List.of(AuditItems.put(table.name(),
        AuditRecord.of(t0.plusSeconds(9), "admin-2", "customer-updated", acme)))));

    var first = trail.ofObject(acme, PageRequest.first(3));
    assertEquals(List.of("admin-2", "admin-1", "admin-1"), first.items().stream().map(AuditRecord::actorId).toList());
    assertEquals(Map.of("step", "2"), first.items().get(1).details());
    var second = trail.ofObject(acme, new PageRequest(first.nextCursor(), 3));
    assertEquals(List.of(Map.of("step", "0")), second.items().stream().map(AuditRecord::details).toList());

    var byActor = trail.byActor("admin-1", PageRequest.first(10)).items();
    assertEquals(3, byActor.size());
    assertEquals(acme, byActor.get(0).object());
    assertEquals(t0.plusSeconds(2), byActor.get(0).at());
    assertEquals(List.of(), trail.byActor("nobody", PageRequest.first(10)).items());
  }

  @Test
  void anEntryIsNeverOverwritten() {
    var entry = AuditItems.item(AuditRecord.of(Instant.parse("2026-11-23T10:00:00Z"), "admin-1", "customer-created", acme));
    var put = TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(entry)
        .conditionExpression(AuditItems.APPEND_ONLY).build()).build();
    assertTrue(table.transactIfConditionsHold(List.of(put)));

    var forged = new java.util.HashMap<>(entry);
    forged.put("action", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("customer-deleted"));
    var overwrite = TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(forged)
        .conditionExpression(AuditItems.APPEND_ONLY).build()).build();
    assertFalse(table.transactIfConditionsHold(List.of(overwrite)));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.client().putItem(r -> r.tableName(table.name())
        .item(forged).conditionExpression(AuditItems.APPEND_ONLY)));
    assertEquals("customer-created", trail.ofObject(acme, PageRequest.first(10)).items().stream()
        .filter(e -> e.at().equals(Instant.parse("2026-11-23T10:00:00Z"))).findFirst().orElseThrow().action());
  }

  @Test
  void entriesNameNoOneButByIdAndRefuseOddShapes() {
    assertThrows(IllegalArgumentException.class, () -> AuditRecord.of(Instant.EPOCH, "a#b", "x", acme));
    assertThrows(IllegalArgumentException.class, () -> AuditRecord.of(Instant.EPOCH, "admin", "Customer Updated", acme));
    assertThrows(IllegalArgumentException.class, () -> new AuditObject("customer", "a#b"));
    assertFalse(AuditObject.valid("Customer", "acme"));
  }
}
