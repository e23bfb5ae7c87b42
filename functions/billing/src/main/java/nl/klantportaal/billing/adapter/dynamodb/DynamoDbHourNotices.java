package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.billing.domain.DueNotice;
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Billing notices on the sparse DueIndex: {@code DuePK = DUE#BILLING}, {@code DueSK = <due at,
 * seconds>#<tenant>#<notice>}. The daily job queries {@code DueSK <= now} (keys only) and reads each
 * notice; a handled notice loses its DueIndex keys in a conditional update.
 */
public final class DynamoDbHourNotices implements HourNotices {
  private final PortalTable table;

  public DynamoDbHourNotices(PortalTable table) {
    this.table = table;
  }

  /** The DueSK of a notice due at {@code at}: whole seconds, so the text sorts as the time does. */
  static String dueSort(Instant at, TenantId tenant, String id) {
    return at.truncatedTo(ChronoUnit.SECONDS) + "#" + tenant.value() + "#" + id;
  }

  @Override
  public List<DueNotice> due(Instant now) {
    List<DueNotice> due = new ArrayList<>();
    var keys = table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.DUE_INDEX)
        .keyConditionExpression("DuePK = :pk AND DueSK <= :now")
        .expressionAttributeValues(Map.of(":pk", s(BillingKeys.DUE_BILLING), ":now", s(now.truncatedTo(ChronoUnit.SECONDS) + "#~"))));
    for (Map<String, AttributeValue> key : keys.items()) {
      var item = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
          .key(Map.of(Keys.PK, key.get(Keys.PK), Keys.SK, key.get(Keys.SK))));
      if (item.hasItem() && item.item().containsKey("DuePK")) {
        due.add(notice(item.item()));
      }
    }
    return due;
  }

  private static DueNotice notice(Map<String, AttributeValue> item) {
    String ref = item.get(Keys.PK).s() + "|" + item.get(Keys.SK).s();
    TenantId tenant = new TenantId(item.get("tenantId").s());
    Instant at = Instant.parse(item.get("at").s());
    return switch (item.get("kind").s()) {
      case "used" -> new DueNotice.UsedThreshold(ref, tenant, at, item.get("bundleId").s(), BillingItems.i(item, "percent"));
      case "expiry" -> new DueNotice.Expiry(ref, tenant, at, item.get("bundleId").s());
      case "expired" -> new DueNotice.Expired(ref, tenant, at, item.get("bundleId").s());
      case "subscription-ending" -> new DueNotice.SubscriptionEnding(ref, tenant, at, item.get("subscriptionId").s(),
          LocalDate.parse(item.get("endDate").s()), BillingItems.i(item, "days"));
      case "overflow" -> new DueNotice.Overflow(ref, tenant, at, LocalDate.parse(item.get("day").s()),
          BillingItems.i(item, "overflowMinutes"));
      default -> throw new IllegalStateException("Unknown billing notice " + item.get("kind").s() + " at " + ref);
    };
  }

  @Override
  public boolean done(DueNotice notice, Instant at) {
    String[] key = notice.ref().split("\\|", 2);
    try {
      table.client().updateItem(r -> r.tableName(table.name())
          .key(Map.of(Keys.PK, s(key[0]), Keys.SK, s(key[1])))
          .updateExpression("REMOVE DuePK, DueSK SET notifiedAt = :at")
          .conditionExpression("attribute_exists(DuePK)")
          .expressionAttributeValues(Map.of(":at", s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
