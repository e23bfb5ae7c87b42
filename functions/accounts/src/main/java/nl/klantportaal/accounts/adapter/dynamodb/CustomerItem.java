package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

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

  static final TableSchema<CustomerItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<CustomerItem> {
    Schema() {
      super(CustomerItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .version("version"), new CustomerItem());
    }

    @Override
    protected void write(CustomerItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string("type", "Customer")
          .string("id", i.id)
          .string("name", i.name)
          .strings("emailDomains", i.emailDomains)
          .string("slaTier", i.slaTier)
          .string("language", i.language)
          .string("onCallEmail", i.onCallEmail)
          .string("createdAt", i.createdAt)
          .string("updatedAt", i.updatedAt)
          .number("version", i.version);
    }

    @Override
    protected CustomerItem read(In in) {
      CustomerItem i = new CustomerItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.id = in.string("id");
      i.name = in.string("name");
      i.emailDomains = in.strings("emailDomains");
      i.slaTier = in.string("slaTier");
      i.language = in.string("language");
      i.onCallEmail = in.string("onCallEmail");
      i.createdAt = in.string("createdAt");
      i.updatedAt = in.string("updatedAt");
      i.version = in.number("version");
      return i;
    }
  }

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
