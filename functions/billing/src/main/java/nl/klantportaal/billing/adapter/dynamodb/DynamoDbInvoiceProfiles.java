package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.opt;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.InvoiceProfiles;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A customer's invoicing details: {@code PK = TENANT#<t>}, {@code SK = BILLING#INVOICING}; each change on
 * the version read, with its audit item ({@code TENANT#<t>#INVOICING}, {@code AUDIT#…}) in the same transaction.
 */
public final class DynamoDbInvoiceProfiles implements InvoiceProfiles {
  private static final String SK = "BILLING#INVOICING";
  private final PortalTable table;

  public DynamoDbInvoiceProfiles(PortalTable table) {
    this.table = table;
  }

  @Override
  public InvoiceProfile load(TenantId tenant) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(SK))));
    if (!answer.hasItem() || answer.item().isEmpty()) {
      return InvoiceProfile.DEFAULT;
    }
    Map<String, AttributeValue> item = answer.item();
    return new InvoiceProfile(strings(item, "address"), opt(item, "vatId"), WireEnum.parse(VatRate.class, item.get("vatRate").s()),
        BillingItems.i(item, "paymentTermDays"), strings(item, "billingEmails"), Long.parseLong(item.get("version").n()));
  }

  private static List<String> strings(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? item.get(name).l().stream().map(AttributeValue::s).toList() : List.of();
  }

  @Override
  public InvoiceProfile save(TenantId tenant, InvoiceProfile next, Audit audit) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.tenant(tenant)));
    item.put(Keys.SK, s(SK));
    item.put("type", s("InvoiceProfile"));
    item.put("address", AttributeValue.fromL(next.address().stream().map(BillingItems::s).toList()));
    next.vatId().ifPresent(v -> item.put("vatId", s(v)));
    item.put("vatRate", s(next.vatRate().wireName()));
    item.put("paymentTermDays", n(next.paymentTermDays()));
    item.put("billingEmails", AttributeValue.fromL(next.billingEmails().stream().map(BillingItems::s).toList()));
    item.put("version", n(next.version() + 1));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> {
      p.tableName(table.name()).item(item);
      if (next.version() == 0) {
        p.conditionExpression("attribute_not_exists(PK)");
      } else {
        p.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
            .expressionAttributeValues(Map.of(":v", n(next.version())));
      }
    }).build());
    Map<String, AttributeValue> auditItem = BillingItems.audit("TENANT#" + tenant.value() + "#INVOICING", "InvoiceProfileAudit", audit);
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(auditItem)
        .conditionExpression("attribute_not_exists(PK)")).build());
    if (!table.transactIfConditionsHold(writes)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The invoicing details were changed by someone else; reload them and try again");
    }
    return load(tenant);
  }
}
