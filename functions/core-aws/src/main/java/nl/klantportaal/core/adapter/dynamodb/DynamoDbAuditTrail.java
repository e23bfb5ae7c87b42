package nl.klantportaal.core.adapter.dynamodb;

import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.audit.AuditTrail;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** The audit trail by object (GSI1) and by actor (GSI5), newest first; one Query per page, no Scan. */
public final class DynamoDbAuditTrail implements AuditTrail {
  private final PortalTable table;

  public DynamoDbAuditTrail(PortalTable table) {
    this.table = table;
  }

  @Override
  public void record(AuditRecord entry) {
    table.client().putItem(r -> r.tableName(table.name()).item(AuditItems.item(entry))
        .conditionExpression(AuditItems.APPEND_ONLY));
  }

  @Override
  public Page<AuditRecord> ofObject(AuditObject object, PageRequest page) {
    var scope = new CursorCodec.QueryScope("audit-of-object", Keys.GSI1, Keys.GSI1PK,
        Keys.auditOfObject(object.kind(), object.id()));
    return table.queryItems(scope, page, false).map(AuditItems::read);
  }

  @Override
  public Page<AuditRecord> byActor(String actorId, PageRequest page) {
    var scope = new CursorCodec.QueryScope("audit-by-actor", Keys.GSI5, Keys.GSI5PK, Keys.auditByActor(actorId));
    return table.queryItems(scope, page, false).map(AuditItems::read);
  }
}
