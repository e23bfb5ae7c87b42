package nl.klantportaal.notifications.adapter.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.port.FailingAddresses;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Failing addresses in one small partition: a GetItem per send (a BatchGetItem per firing's mails), a keyed, cursor-paged Query for staff. */
public final class DynamoDbFailingAddresses implements FailingAddresses {
  private final PortalTable table;
  private final DynamoDbTable<FailingAddressItem> items;

  public DynamoDbFailingAddresses(PortalTable table) {
    this.table = table;
    this.items = table.table(FailingAddressItem.SCHEMA);
  }

  @Override
  public Optional<FailingAddress> find(String address) {
    return Optional.ofNullable(items.getItem(key(FailingAddress.idOf(address)))).map(FailingAddressItem::toDomain);
  }

  /** One BatchGetItem per 100 distinct addresses. */
  @Override
  public Map<String, FailingAddress> findAll(Collection<String> addresses) {
    Map<String, List<String>> byId = new HashMap<>();
    addresses.forEach(address -> byId.computeIfAbsent(FailingAddress.idOf(address), id -> new ArrayList<>()).add(address));
    Map<String, FailingAddress> found = new HashMap<>();
    for (FailingAddressItem item : table.batchGet(items, byId.keySet().stream().map(DynamoDbFailingAddresses::key).toList(), false)) {
      FailingAddress failing = item.toDomain();
      byId.getOrDefault(failing.id(), List.of()).forEach(address -> found.put(address, failing));
    }
    return found;
  }

  @Override
  public void mark(FailingAddress failing) {
    // marked by SES feedback, a system event: audited by the address's id (its SHA-256), never the address
    AuditedWrites.withAudit(table, request -> request.addPutItem(items, FailingAddressItem.from(failing)),
        AuditRecord.of(failing.since(), AuditRecord.SYSTEM, "failing-address-marked",
            new AuditObject("failing-address", failing.id())));
  }

  @Override
  public boolean clear(String id, AuditRecord audit) {
    return AuditedWrites.withAudit(table, request -> request.addDeleteItem(items, TransactDeleteItemEnhancedRequest.builder()
        .key(key(id)).conditionExpression(AuditedWrites.EXISTS).build()), audit);
  }

  @Override
  public Page<FailingAddress> list(PageRequest page) {
    var scope = new CursorCodec.QueryScope("failing-addresses", "table", Keys.PK, FailingAddressItem.PARTITION);
    return table.queryPage(FailingAddressItem.SCHEMA, scope, page).map(FailingAddressItem::toDomain);
  }

  private static Key key(String id) {
    return Key.builder().partitionValue(FailingAddressItem.PARTITION).sortValue(id).build();
  }
}
