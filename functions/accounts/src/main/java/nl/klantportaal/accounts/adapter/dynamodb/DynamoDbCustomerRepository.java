package nl.klantportaal.accounts.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.AuditEntryItem;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Customers and their e-mail domain claims, written together in one transaction so that a domain
 * belongs to at most one customer and a stale version never overwrites a newer one.
 */
public final class DynamoDbCustomerRepository implements CustomerRepository {
  private static final Expression DOMAIN_FREE = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final PortalTable table;
  private final DynamoDbTable<CustomerItem> customers;
  private final DynamoDbTable<EmailDomainItem> domains;
  private final DynamoDbTable<AuditEntryItem> audits;

  public DynamoDbCustomerRepository(PortalTable table) {
    this.table = table;
    this.customers = table.table(CustomerItem.SCHEMA);
    this.domains = table.table(EmailDomainItem.SCHEMA);
    this.audits = table.table(AuditEntryItem.SCHEMA);
  }

  @Override
  public void create(Customer customer, AuditRecord audit) {
    write(customer, Optional.empty(), List.of(), audit);
  }

  @Override
  public void update(Customer previous, Customer customer, AuditRecord audit) {
    write(customer, Optional.of(previous.version()), previous.emailDomains(), audit);
  }

  private void write(Customer customer, Optional<Long> storedVersion, List<String> previousDomains, AuditRecord audit) {
    var request = TransactWriteItemsEnhancedRequest.builder();
    List<String> actions = new ArrayList<>();
    request.addPutItem(customers, CustomerItem.from(customer, storedVersion));
    actions.add("customer");
    request.addPutItem(audits, AuditEntryItem.put(audit));
    actions.add("release audit");
    for (String domain : previousDomains) {
      if (!customer.emailDomains().contains(domain)) {
        request.addDeleteItem(domains, TransactDeleteItemEnhancedRequest.builder()
            .key(domainKey(domain))
            .conditionExpression(ownedBy(customer.id()))
            .build());
        actions.add("release " + domain);
      }
    }
    for (String domain : customer.emailDomains()) {
      if (!previousDomains.contains(domain)) {
        request.addPutItem(domains, TransactPutItemEnhancedRequest.builder(EmailDomainItem.class)
            .item(EmailDomainItem.of(domain, customer.id().value()))
            .conditionExpression(DOMAIN_FREE)
            .build());
        actions.add(domain);
      }
    }
    try {
      table.enhanced().transactWriteItems(request.build());
    } catch (TransactionCanceledException e) {
      throw conflict(e, actions, customer, storedVersion.isEmpty());
    }
  }

  private static DomainException conflict(TransactionCanceledException e, List<String> actions, Customer customer,
      boolean creating) {
    List<CancellationReason> reasons = e.cancellationReasons();
    for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
      if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
        continue;
      }
      String action = actions.get(i);
      if (action.equals("customer")) {
        return creating
            ? new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "Customer " + customer.id() + " exists")
            : new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
                "Customer " + customer.id() + " was changed by someone else");
      }
      if (!action.startsWith("release ")) {
        return new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
            "E-mail domain " + action + " belongs to another customer");
      }
    }
    throw e;
  }

  @Override
  public Optional<Customer> find(TenantId id) {
    return table.get(CustomerItem.SCHEMA, Keys.tenant(id), Keys.CUSTOMER_SK, false).map(CustomerItem::toDomain);
  }

  @Override
  public Optional<TenantId> findByDomain(String emailDomain) {
    EmailDomainItem item = domains.getItem(domainKey(emailDomain));
    return Optional.ofNullable(item).map(i -> new TenantId(i.tenantId));
  }

  @Override
  public Page<Customer> list(PageRequest page) {
    var scope = new CursorCodec.QueryScope("customers-by-name", Keys.GSI1, Keys.GSI1PK, Keys.CUSTOMERS_BY_NAME);
    return table.queryPage(CustomerItem.SCHEMA, scope, page).map(CustomerItem::toDomain);
  }

  private static Key domainKey(String domain) {
    return Key.builder().partitionValue(Keys.emailDomain(domain)).sortValue(Keys.EMAIL_DOMAIN_SK).build();
  }

  private static Expression ownedBy(TenantId tenant) {
    return Expression.builder()
        .expression("tenantId = :tenant")
        .expressionValues(Map.of(":tenant", AttributeValue.fromS(tenant.value())))
        .build();
  }
}
