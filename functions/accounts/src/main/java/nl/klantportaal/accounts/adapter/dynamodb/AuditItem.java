package nl.klantportaal.accounts.adapter.dynamodb;

import java.util.Map;
import java.util.UUID;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;

/**
 * {@code TENANT#<t>#AUDIT} or {@code PROVIDER#AUDIT} / {@code <at>#<id>}: append-only, in the shared
 * audit shape ({@link AuditItems}: the user concerned as the object, on GSI1; the actor on GSI5).
 */
final class AuditItem {
  String pk;
  String sk;
  String at;
  String actor;
  String action;
  String subject;
  String objectKind;
  Map<String, String> details;
  String gsi1pk;
  String gsi1sk;
  String gsi5pk;
  String gsi5sk;

  static final TableSchema<AuditItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<AuditItem> {
    Schema() {
      super(AuditItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.GSI5, Keys.GSI5PK)
          .indexSortKey(Keys.GSI5, Keys.GSI5SK), new AuditItem());
    }

    @Override
    protected void write(AuditItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", AuditItems.TYPE)
          .string("at", i.at)
          .string("actor", i.actor)
          .string("actorId", i.actor)
          .string("action", i.action)
          .string("subject", i.subject)
          .string("objectKind", i.objectKind)
          .string("objectId", i.subject)
          .stringMap("details", i.details)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.GSI5PK, i.gsi5pk)
          .string(Keys.GSI5SK, i.gsi5sk);
    }

    @Override
    protected AuditItem read(In in) {
      AuditItem i = new AuditItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.at = in.string("at");
      // read as the static schema did: the later attribute wins when it is present
      i.actor = in.string("actorId") != null ? in.string("actorId") : in.string("actor");
      i.action = in.string("action");
      // read as the static schema did: the later attribute wins when it is present
      i.subject = in.string("objectId") != null ? in.string("objectId") : in.string("subject");
      i.objectKind = in.string("objectKind");
      i.details = in.stringMap("details");
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.gsi5pk = in.string(Keys.GSI5PK);
      i.gsi5sk = in.string(Keys.GSI5SK);
      return i;
    }
  }

  /** The append-only put of {@code entry}, for the profile change's transaction. */
  static TransactPutItemEnhancedRequest<AuditItem> put(AuditEntry entry) {
    return TransactPutItemEnhancedRequest.builder(AuditItem.class).item(from(entry))
        .conditionExpression(Expression.builder().expression(AuditItems.APPEND_ONLY).build()).build();
  }

  static AuditItem from(AuditEntry entry) {
    String id = UUID.randomUUID().toString();
    var shared = AuditItems.attributes(new AuditRecord(entry.at(), entry.actor().value(), entry.action(),
        AuditObject.user(entry.subject().value()), entry.details()), id);
    AuditItem item = new AuditItem();
    item.pk = Keys.audit(entry.customer());
    item.sk = entry.at() + "#" + id;
    item.at = entry.at().toString();
    item.actor = entry.actor().value();
    item.action = entry.action();
    item.subject = entry.subject().value();
    item.objectKind = "user";
    item.details = entry.details();
    item.gsi1pk = shared.get(Keys.GSI1PK).s();
    item.gsi1sk = shared.get(Keys.GSI1SK).s();
    item.gsi5pk = shared.get(Keys.GSI5PK).s();
    item.gsi5sk = shared.get(Keys.GSI5SK).s();
    return item;
  }
}
