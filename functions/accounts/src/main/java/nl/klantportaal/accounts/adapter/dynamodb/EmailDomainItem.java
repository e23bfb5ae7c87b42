package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@code DOMAIN#<domain> / DOMAIN}: which customer an e-mail domain belongs to; written only if absent. */
final class EmailDomainItem {
  String pk;
  String sk;
  String tenantId;

  static final TableSchema<EmailDomainItem> SCHEMA = StaticTableSchema.builder(EmailDomainItem.class)
      .newItemSupplier(EmailDomainItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "EmailDomain").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("tenantId").getter(i -> i.tenantId).setter((i, v) -> i.tenantId = v))
      .build();

  static EmailDomainItem of(String domain, String tenantId) {
    EmailDomainItem item = new EmailDomainItem();
    item.pk = Keys.emailDomain(domain);
    item.sk = Keys.EMAIL_DOMAIN_SK;
    item.tenantId = tenantId;
    return item;
  }
}
