package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.util.Map;
import java.util.UUID;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@code TENANT#<t>#AUDIT} or {@code PROVIDER#AUDIT} / {@code <at>#<id>}: append-only. */
final class AuditItem {
  String pk;
  String sk;
  String at;
  String actor;
  String action;
  String subject;
  Map<String, String> details;

  static final TableSchema<AuditItem> SCHEMA = StaticTableSchema.builder(AuditItem.class)
      .newItemSupplier(AuditItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "Audit").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("at").getter(i -> i.at).setter((i, v) -> i.at = v))
      .addAttribute(String.class, a -> a.name("actor").getter(i -> i.actor).setter((i, v) -> i.actor = v))
      .addAttribute(String.class, a -> a.name("action").getter(i -> i.action).setter((i, v) -> i.action = v))
      .addAttribute(String.class, a -> a.name("subject").getter(i -> i.subject).setter((i, v) -> i.subject = v))
      .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("details").getter(i -> i.details)
          .setter((i, v) -> i.details = v))
      .build();

  static AuditItem from(AuditEntry entry) {
    AuditItem item = new AuditItem();
    item.pk = Keys.audit(entry.customer());
    item.sk = entry.at() + "#" + UUID.randomUUID();
    item.at = entry.at().toString();
    item.actor = entry.actor().value();
    item.action = entry.action();
    item.subject = entry.subject().value();
    item.details = entry.details();
    return item;
  }
}
