package nl.klantportaal.core.adapter.dynamodb;

import java.util.Map;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
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

  public static final TableSchema<AuditEntryItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<AuditEntryItem> {
    Schema() {
      super(AuditEntryItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.GSI5, Keys.GSI5PK)
          .indexSortKey(Keys.GSI5, Keys.GSI5SK), new AuditEntryItem());
    }

    @Override
    protected void write(AuditEntryItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", AuditItems.TYPE)
          .string("at", i.at)
          .string("actorId", i.actorId)
          .string("action", i.action)
          .string("objectKind", i.objectKind)
          .string("objectId", i.objectId)
          .stringMap("details", i.details)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.GSI5PK, i.gsi5pk)
          .string(Keys.GSI5SK, i.gsi5sk);
    }

    @Override
    protected AuditEntryItem read(In in) {
      AuditEntryItem i = new AuditEntryItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.at = in.string("at");
      i.actorId = in.string("actorId");
      i.action = in.string("action");
      i.objectKind = in.string("objectKind");
      i.objectId = in.string("objectId");
      i.details = in.stringMap("details");
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.gsi5pk = in.string(Keys.GSI5PK);
      i.gsi5sk = in.string(Keys.GSI5SK);
      return i;
    }
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
