package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import nl.klantportaal.billing.port.Audit;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Subscriptions in the customer's partition ({@code SK = SUBSCRIPTION#<id>}, pattern 40); audit and
 * notices in {@code TENANT#<t>#SUBSCRIPTION#<id>}. The expiry notices are keyed by the end date
 * ({@code NOTICE#ENDING#<end>#60}): a changed end date gets notices of its own, once each.
 */
public final class DynamoDbSubscriptions implements SubscriptionRepository {
  private static final String PREFIX = "SUBSCRIPTION#";
  private final PortalTable table;

  public DynamoDbSubscriptions(PortalTable table) {
    this.table = table;
  }

  @Override
  public void create(Subscription subscription, Audit audit) {
    write(subscription, "attribute_not_exists(PK)", Map.of(), audit);
  }

  @Override
  public void update(Subscription next, Audit audit) {
    write(next, "#v = :v", Map.of(":v", n(next.version())), audit);
  }

  private void write(Subscription sub, String condition, Map<String, AttributeValue> values, Audit audit) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.tenant(sub.tenant())));
    item.put(Keys.SK, s(PREFIX + sub.id()));
    item.put("type", s("Subscription"));
    item.put("tenantId", s(sub.tenant().value()));
    item.put("id", s(sub.id()));
    item.put("service", s(sub.service()));
    item.put("quantity", n(sub.quantity()));
    item.put("unitPrice", s(sub.unitPrice().toString()));
    item.put("period", s(sub.period().wireName()));
    item.put("startDate", s(sub.startDate().toString()));
    item.put("endDate", s(sub.endDate().toString()));
    item.put("autoRenew", AttributeValue.fromBool(sub.autoRenew()));
    item.put("cancelled", AttributeValue.fromBool(sub.cancelled()));
    item.put("createdAt", s(sub.createdAt().toString()));
    item.put("version", n(sub.version() + (condition.startsWith("#v") ? 1 : 0)));
    String own = "TENANT#" + sub.tenant().value() + "#SUBSCRIPTION#" + sub.id();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> {
      p.tableName(table.name()).item(item).conditionExpression(condition);
      if (!values.isEmpty()) {
        p.expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values);
      }
    }).build());
    Map<String, AttributeValue> auditItem = BillingItems.audit(own, "SubscriptionAudit", audit);
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(auditItem)
        .conditionExpression("attribute_not_exists(PK)")).build());
    if (!sub.autoRenew() && !sub.cancelled()) {
      for (int days : Subscription.NOTICE_DAYS) {
        Instant due = sub.endDate().minusDays(days).atStartOfDay(HourNotices.ZONE).toInstant();
        if (due.isBefore(audit.at())) {
          due = audit.at();
        }
        Map<String, AttributeValue> notice = new HashMap<>();
        notice.put(Keys.PK, s(own));
        notice.put(Keys.SK, s("NOTICE#ENDING#" + sub.endDate() + "#" + days));
        notice.put("type", s("BillingNotice"));
        notice.put("kind", s("subscription-ending"));
        notice.put("tenantId", s(sub.tenant().value()));
        notice.put("subscriptionId", s(sub.id()));
        notice.put("endDate", s(sub.endDate().toString()));
        notice.put("days", n(days));
        notice.put("at", s(due.toString()));
        notice.put("DuePK", s(BillingKeys.DUE_BILLING));
        notice.put("DueSK", s(DynamoDbHourNotices.dueSort(due, sub.tenant(), sub.id() + "#ENDING#" + days)));
        // Once per end date and lead time: one already written (due or sent) stays as it is.
        var existing = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
            .key(Map.of(Keys.PK, notice.get(Keys.PK), Keys.SK, notice.get(Keys.SK))));
        if (!existing.hasItem() || existing.item().isEmpty()) {
          writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(notice)
              .conditionExpression("attribute_not_exists(PK)")).build());
        }
      }
    }
    try {
      table.client().transactWriteItems(r -> r.transactItems(writes));
    } catch (TransactionCanceledException e) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The subscription was changed by someone else; reload it and try again");
    }
  }

  @Override
  public Optional<Subscription> find(TenantId tenant, String id) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(PREFIX + id))));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(subscription(answer.item())) : Optional.empty();
  }

  @Override
  public List<Subscription> list(TenantId tenant) {
    return table.client().queryPaginator(r -> r.tableName(table.name())
            .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.tenant(tenant)), ":p", s(PREFIX))))
        .items().stream().map(DynamoDbSubscriptions::subscription).toList();
  }

  private static Subscription subscription(Map<String, AttributeValue> item) {
    return new Subscription(item.get("id").s(), new TenantId(item.get("tenantId").s()), item.get("service").s(),
        BillingItems.i(item, "quantity"), new Money(new BigDecimal(item.get("unitPrice").s())),
        WireEnum.parse(Subscription.Period.class, item.get("period").s()), LocalDate.parse(item.get("startDate").s()),
        LocalDate.parse(item.get("endDate").s()), item.get("autoRenew").bool(), item.get("cancelled").bool(),
        Instant.parse(item.get("createdAt").s()), Long.parseLong(item.get("version").n()));
  }
}
