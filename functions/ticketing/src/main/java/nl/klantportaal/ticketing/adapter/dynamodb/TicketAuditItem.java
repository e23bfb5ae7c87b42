package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.stringMap;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code STAFF#AUDIT#<at>#<id>} in the ticket's partition: who changed what, provider staff only;
 * in the shared audit shape ({@link AuditItems}: object {@code ticket <token>} on GSI1, the actor on GSI5).
 */
final class TicketAuditItem {
  String pk;
  String sk;
  String actorId;
  String actorRole;
  String at;
  String action;
  Map<String, String> details;
  String objectId;
  String gsi1pk;
  String gsi1sk;
  String gsi5pk;
  String gsi5sk;

  static final TableSchema<TicketAuditItem> SCHEMA;

  static {
    StaticTableSchema.Builder<TicketAuditItem> b =
        StaticTableSchema.builder(TicketAuditItem.class).newItemSupplier(TicketAuditItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    Attributes.type(b, "TicketAudit");
    string(b, "actorId", i -> i.actorId, (i, v) -> i.actorId = v);
    string(b, "actorRole", i -> i.actorRole, (i, v) -> i.actorRole = v);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    string(b, "action", i -> i.action, (i, v) -> i.action = v);
    stringMap(b, "details", i -> i.details, (i, v) -> i.details = v);
    string(b, "objectKind", i -> "ticket", (i, v) -> { });
    string(b, "objectId", i -> i.objectId, (i, v) -> i.objectId = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1PK, false, i -> i.gsi1pk, (i, v) -> i.gsi1pk = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1SK, true, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5PK, false, i -> i.gsi5pk, (i, v) -> i.gsi5pk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5SK, true, i -> i.gsi5sk, (i, v) -> i.gsi5sk = v);
    SCHEMA = b.build();
  }

  static TicketAuditItem from(TicketRef ref, TicketAudit audit) {
    String entryId = UUID.randomUUID().toString();
    var shared = AuditItems.attributes(new AuditRecord(audit.at(), audit.actorId(), audit.action(),
        new AuditObject("ticket", ref.token()), audit.details()), entryId);
    TicketAuditItem i = new TicketAuditItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = Keys.ticketAudit(audit.at().toString(), entryId);
    i.objectId = ref.token();
    i.gsi1pk = shared.get(Keys.GSI1PK).s();
    i.gsi1sk = shared.get(Keys.GSI1SK).s();
    i.gsi5pk = shared.get(Keys.GSI5PK).s();
    i.gsi5sk = shared.get(Keys.GSI5SK).s();
    i.actorId = audit.actorId();
    i.actorRole = audit.actorRole();
    i.at = audit.at().toString();
    i.action = audit.action();
    i.details = audit.details();
    return i;
  }

  TicketAudit toDomain() {
    return new TicketAudit(Instant.parse(at), actorId, actorRole, action, details == null ? Map.of() : details);
  }
}
