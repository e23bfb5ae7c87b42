package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

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

  static final TableSchema<TicketAuditItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<TicketAuditItem> {
    Schema() {
      super(TicketAuditItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.GSI5, Keys.GSI5PK)
          .indexSortKey(Keys.GSI5, Keys.GSI5SK), new TicketAuditItem());
    }

    @Override
    protected void write(TicketAuditItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "TicketAudit")
          .string("actorId", i.actorId)
          .string("actorRole", i.actorRole)
          .string("at", i.at)
          .string("action", i.action)
          .stringMap("details", i.details)
          .string("objectKind", "ticket")
          .string("objectId", i.objectId)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.GSI5PK, i.gsi5pk)
          .string(Keys.GSI5SK, i.gsi5sk);
    }

    @Override
    protected TicketAuditItem read(In in) {
      TicketAuditItem i = new TicketAuditItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.actorId = in.string("actorId");
      i.actorRole = in.string("actorRole");
      i.at = in.string("at");
      i.action = in.string("action");
      i.details = in.stringMap("details");
      i.objectId = in.string("objectId");
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.gsi5pk = in.string(Keys.GSI5PK);
      i.gsi5sk = in.string(Keys.GSI5SK);
      return i;
    }
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
