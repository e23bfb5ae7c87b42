package nl.klantportaal.accounts.adapter.dynamodb;

import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.stringMap;

import java.util.Map;
import java.util.UUID;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
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

  static final TableSchema<AuditItem> SCHEMA;

  static {
    StaticTableSchema.Builder<AuditItem> b = StaticTableSchema.builder(AuditItem.class).newItemSupplier(AuditItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    Attributes.type(b, AuditItems.TYPE);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    string(b, "actor", i -> i.actor, (i, v) -> i.actor = v);
    string(b, "actorId", i -> i.actor, (i, v) -> i.actor = v);
    string(b, "action", i -> i.action, (i, v) -> i.action = v);
    string(b, "subject", i -> i.subject, (i, v) -> i.subject = v);
    string(b, "objectKind", i -> i.objectKind, (i, v) -> i.objectKind = v);
    string(b, "objectId", i -> i.subject, (i, v) -> i.subject = v);
    stringMap(b, "details", i -> i.details, (i, v) -> i.details = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1PK, false, i -> i.gsi1pk, (i, v) -> i.gsi1pk = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1SK, true, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5PK, false, i -> i.gsi5pk, (i, v) -> i.gsi5pk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5SK, true, i -> i.gsi5sk, (i, v) -> i.gsi5sk = v);
    SCHEMA = b.build();
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
