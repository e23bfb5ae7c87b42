package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A customer as stored: {@code TENANT#<id> / CUSTOMER}, listed by name in GSI1 ({@code CUSTOMERS}). */
final class CustomerItem {
  String pk;
  String sk;
  String gsi1pk;
  String gsi1sk;
  String id;
  String name;
  List<String> emailDomains;
  String slaTier;
  String language;
  String onCallEmail;
  String createdAt;
  String updatedAt;
  Long version;

  static final TableSchema<CustomerItem> SCHEMA = StaticTableSchema.builder(CustomerItem.class)
      .newItemSupplier(CustomerItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name(Keys.GSI1PK).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
          .tags(secondaryPartitionKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name(Keys.GSI1SK).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
          .tags(secondarySortKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "Customer").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
      .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("emailDomains").getter(i -> i.emailDomains)
          .setter((i, v) -> i.emailDomains = v))
      .addAttribute(String.class, a -> a.name("slaTier").getter(i -> i.slaTier).setter((i, v) -> i.slaTier = v))
      .addAttribute(String.class, a -> a.name("language").getter(i -> i.language).setter((i, v) -> i.language = v))
      .addAttribute(String.class, a -> a.name("onCallEmail").getter(i -> i.onCallEmail).setter((i, v) -> i.onCallEmail = v))
      .addAttribute(String.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
      .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
      .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v)
          .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
      .build();

  /** The item to write; {@code storedVersion} is empty for a new customer (the write then requires absence). */
  static CustomerItem from(Customer customer, Optional<Long> storedVersion) {
    CustomerItem item = new CustomerItem();
    item.pk = Keys.tenant(customer.id());
    item.sk = Keys.CUSTOMER_SK;
    item.gsi1pk = Keys.CUSTOMERS_BY_NAME;
    item.gsi1sk = Keys.customerByName(customer.name(), customer.id());
    item.id = customer.id().value();
    item.name = customer.name();
    item.emailDomains = customer.emailDomains();
    item.slaTier = customer.slaTier().name();
    item.language = customer.language().name();
    item.onCallEmail = customer.onCallEmail().orElse(null);
    item.createdAt = customer.createdAt().toString();
    item.updatedAt = customer.updatedAt().toString();
    item.version = storedVersion.orElse(null);
    return item;
  }

  Customer toDomain() {
    return new Customer(
        new TenantId(id),
        new CustomerDetails(name, emailDomains == null ? List.of() : emailDomains, SlaTier.valueOf(slaTier),
            Language.valueOf(language), Optional.ofNullable(onCallEmail)),
        Instant.parse(createdAt),
        Instant.parse(updatedAt),
        version);
  }
}
