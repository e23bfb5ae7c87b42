package nl.klantportaal.notifications.adapter.dynamodb;

import java.util.function.Consumer;
import nl.klantportaal.core.adapter.dynamodb.AuditEntryItem;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** An admin's change to the mail settings and its audit entry, in one transaction. */
final class AuditedWrites {
  static final Expression EXISTS = Expression.builder().expression("attribute_exists(PK)").build();

  private AuditedWrites() {}

  /** {@code write} (one action, first) and the audit entry in one transaction; false when {@code write}'s condition failed. */
  static boolean withAudit(PortalTable table, Consumer<TransactWriteItemsEnhancedRequest.Builder> write, AuditRecord audit) {
    var request = TransactWriteItemsEnhancedRequest.builder();
    write.accept(request);
    request.addPutItem(table.table(AuditEntryItem.SCHEMA), AuditEntryItem.put(audit));
    try {
      table.enhanced().transactWriteItems(request.build());
      return true;
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        return false;
      }
      throw e;
    }
  }
}
