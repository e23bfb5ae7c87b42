package nl.klantportaal.core.adapter.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The audit trail's one item shape (docs/data-model.md, "Audit trail"). Each context writes its
 * entries in the transaction of the change they record: either a whole item of its own
 * ({@link #put}: {@code AUDIT#<kind>#<id>} / {@code <at>#<entry id>}), or, where a context keeps its
 * entries in its own partition (a ticket's {@code STAFF#AUDIT#…}), these attributes added to that
 * item ({@link #attributes}). Either way the entry is on GSI1 by object and GSI5 by actor, and it is
 * put with {@link #APPEND_ONLY}: an entry is never overwritten.
 */
public final class AuditItems {
  /** The condition of every audit put: an existing entry is never replaced. */
  public static final String APPEND_ONLY = "attribute_not_exists(PK)";
  public static final String TYPE = "Audit";

  private AuditItems() {}

  /** A fresh entry id; the sort keys are {@code <at>#<entry id>}. */
  public static String entryId() {
    return UUID.randomUUID().toString();
  }

  /** The shared attributes and both index keys of {@code entry}, to add to an item of any key. */
  public static Map<String, AttributeValue> attributes(AuditRecord entry, String entryId) {
    String sort = entry.at() + "#" + entryId;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("at", s(entry.at().toString()));
    item.put("actorId", s(entry.actorId()));
    item.put("action", s(entry.action()));
    item.put("objectKind", s(entry.object().kind()));
    item.put("objectId", s(entry.object().id()));
    item.put("details", AttributeValue.fromM(entry.details().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
    item.put(Keys.GSI1PK, s(Keys.auditOfObject(entry.object().kind(), entry.object().id())));
    item.put(Keys.GSI1SK, s(sort));
    item.put(Keys.GSI5PK, s(Keys.auditByActor(entry.actorId())));
    item.put(Keys.GSI5SK, s(sort));
    return item;
  }

  /** The whole item of an entry stored under its object: {@code AUDIT#<kind>#<id>} / {@code <at>#<entry id>}. */
  public static Map<String, AttributeValue> item(AuditRecord entry) {
    String entryId = entryId();
    Map<String, AttributeValue> item = attributes(entry, entryId);
    item.put(Keys.PK, s(Keys.auditEntry(entry.object().kind(), entry.object().id())));
    item.put(Keys.SK, s(entry.at() + "#" + entryId));
    item.put("type", s(TYPE));
    return item;
  }

  /** The append-only put of {@link #item}, for the change's transaction. */
  public static TransactWriteItem put(String tableName, AuditRecord entry) {
    return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item(entry))
        .conditionExpression(APPEND_ONLY).build()).build();
  }

  /** Reads an entry back from any item that carries {@link #attributes} ({@code details} as a map or, in old billing items, a text). */
  public static AuditRecord read(Map<String, AttributeValue> item) {
    Map<String, String> details = new HashMap<>();
    AttributeValue d = item.get("details");
    if (d != null && d.hasM()) {
      d.m().forEach((k, v) -> details.put(k, v.s() == null ? "" : v.s()));
    } else if (d != null && d.s() != null && !d.s().isEmpty()) {
      details.put("text", d.s());
    }
    return new AuditRecord(java.time.Instant.parse(item.get("at").s()), item.get("actorId").s(), item.get("action").s(),
        new AuditObject(item.get("objectKind").s(), item.get("objectId").s()), details);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
