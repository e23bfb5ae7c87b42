package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.Rate;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.RoundingRule;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A customer's billing agreement: {@code PK = TENANT#<t>}, {@code SK = BILLING#SETTINGS}; rates as {@code <type> <from> <hourly>} lines. */
public final class DynamoDbBillingSettings implements BillingSettingsRepository {
  private final PortalTable table;

  public DynamoDbBillingSettings(PortalTable table) {
    this.table = table;
  }

  @Override
  public BillingSettings load(TenantId tenant) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(BillingKeys.SETTINGS_SK))));
    if (!answer.hasItem() || answer.item().isEmpty()) {
      return BillingSettings.DEFAULT;
    }
    Map<String, AttributeValue> item = answer.item();
    List<Rate> rates = item.get("rates").l().stream().map(AttributeValue::s).map(line -> {
      String[] p = line.split(" ");
      return new Rate(WireEnum.parse(RegistrationType.class, p[0]), LocalDate.parse(p[1]), new Money(new BigDecimal(p[2])));
    }).toList();
    return new BillingSettings(new RoundingRule(BillingItems.i(item, "roundingIncrement"), BillingItems.i(item, "roundingMinimum")),
        item.get("usersSeeHours").bool(), rates, item.containsKey("rollover") && item.get("rollover").bool()
            ? new BillingSettings.Expiry(true, BillingItems.i(item, "rolloverCapMinutes")) : BillingSettings.Expiry.LAPSE,
        Long.parseLong(item.get("version").n()));
  }

  @Override
  public long save(TenantId tenant, BillingSettings settings, UserId by, Instant at) {
    long next = settings.version() + 1;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.tenant(tenant)));
    item.put(Keys.SK, s(BillingKeys.SETTINGS_SK));
    item.put("type", s("BillingSettings"));
    item.put("roundingIncrement", n(settings.rounding().incrementMinutes()));
    item.put("roundingMinimum", n(settings.rounding().minimumMinutes()));
    item.put("usersSeeHours", AttributeValue.fromBool(settings.usersSeeHours()));
    item.put("rates", AttributeValue.fromL(settings.rates().stream()
        .map(r -> s(r.type().wireName() + " " + r.effectiveFrom() + " " + r.hourly())).toList()));
    item.put("rollover", AttributeValue.fromBool(settings.expiry().rollover()));
    item.put("rolloverCapMinutes", n(settings.expiry().capMinutes()));
    item.put("updatedBy", s(by.value()));
    item.put("updatedAt", s(at.toString()));
    item.put("version", n(next));
    var put = software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(table.name()).item(item);
    if (settings.version() == 0) {
      put.conditionExpression("attribute_not_exists(PK)");
    } else {
      put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
          .expressionAttributeValues(Map.of(":v", n(settings.version())));
    }
    // The settings on their version and the audit entry (append-only) in one transaction (docs/privacy.md).
    var audit = new AuditRecord(at, by.value(), "billing-settings-saved", new AuditObject("billing-settings", tenant.value()),
        Map.of("version", Long.toString(next)));
    if (!table.transactIfConditionsHold(java.util.List.of(
        software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(put.build()).build(),
        AuditItems.put(table.name(), audit)))) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The billing settings were changed by someone else; reload them and try again");
    }
    return next;
  }
}
