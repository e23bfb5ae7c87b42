package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.stringMap;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@code STAFF#AUDIT#<at>#<id>} in the ticket's partition: who changed what, provider staff only. */
final class TicketAuditItem {
  String pk;
  String sk;
  String actorId;
  String actorRole;
  String at;
  String action;
  Map<String, String> details;

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
    SCHEMA = b.build();
  }

  static TicketAuditItem from(TicketRef ref, TicketAudit audit) {
    TicketAuditItem i = new TicketAuditItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = Keys.ticketAudit(audit.at().toString(), UUID.randomUUID().toString());
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
