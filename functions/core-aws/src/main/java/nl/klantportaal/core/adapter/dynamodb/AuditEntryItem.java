package nl.klantportaal.core.adapter.dynamodb;

import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.stringMap;

import java.util.Map;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;

/**
 * {@link AuditItems#item} for contexts that write their changes through the Enhanced Client: the
 * same attributes, put with {@link AuditItems#APPEND_ONLY} in the change's enhanced transaction.
 */
public final class AuditEntryItem {
  String pk;
  String sk;
  String at;
  String actorId;
  String action;
  String objectKind;
  String objectId;
  Map<String, String> details;
  String gsi1pk;
  String gsi1sk;
  String gsi5pk;
  String gsi5sk;

  public static final TableSchema<AuditEntryItem> SCHEMA;

  static {
    StaticTableSchema.Builder<AuditEntryItem> b = StaticTableSchema.builder(AuditEntryItem.class)
        .newItemSupplier(AuditEntryItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    Attributes.type(b, AuditItems.TYPE);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    string(b, "actorId", i -> i.actorId, (i, v) -> i.actorId = v);
    string(b, "action", i -> i.action, (i, v) -> i.action = v);
    string(b, "objectKind", i -> i.objectKind, (i, v) -> i.objectKind = v);
    string(b, "objectId", i -> i.objectId, (i, v) -> i.objectId = v);
    stringMap(b, "details", i -> i.details, (i, v) -> i.details = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1PK, false, i -> i.gsi1pk, (i, v) -> i.gsi1pk = v);
    Attributes.indexKey(b, Keys.GSI1, Keys.GSI1SK, true, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5PK, false, i -> i.gsi5pk, (i, v) -> i.gsi5pk = v);
    Attributes.indexKey(b, Keys.GSI5, Keys.GSI5SK, true, i -> i.gsi5sk, (i, v) -> i.gsi5sk = v);
    SCHEMA = b.build();
  }

  private AuditEntryItem() {}

  /** The append-only put of {@code entry} under its object ({@code AUDIT#<kind>#<id>} / {@code <at>#<entry id>}). */
  public static TransactPutItemEnhancedRequest<AuditEntryItem> put(AuditRecord entry) {
    var raw = AuditItems.item(entry);
    AuditEntryItem item = new AuditEntryItem();
    item.pk = raw.get(Keys.PK).s();
    item.sk = raw.get(Keys.SK).s();
    item.at = entry.at().toString();
    item.actorId = entry.actorId();
    item.action = entry.action();
    item.objectKind = entry.object().kind();
    item.objectId = entry.object().id();
    item.details = entry.details();
    item.gsi1pk = raw.get(Keys.GSI1PK).s();
    item.gsi1sk = raw.get(Keys.GSI1SK).s();
    item.gsi5pk = raw.get(Keys.GSI5PK).s();
    item.gsi5sk = raw.get(Keys.GSI5SK).s();
    return TransactPutItemEnhancedRequest.builder(AuditEntryItem.class).item(item)
        .conditionExpression(Expression.builder().expression(AuditItems.APPEND_ONLY).build()).build();
  }
}
