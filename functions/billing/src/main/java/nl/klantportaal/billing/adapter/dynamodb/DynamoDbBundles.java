package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Bundles in the customer's partition ({@code SK = BUNDLE#<id>}, pattern 34), each change in one
 * transaction with its audit entry ({@code PK = TENANT#<t>#BUNDLE#<id>}, {@code SK = AUDIT#<at>#<r>}).
 * A state change is conditional on the version read; cancelling also on nothing having been booked.
 */
public final class DynamoDbBundles implements BundleRepository {
  private final PortalTable table;

  public DynamoDbBundles(PortalTable table) {
    this.table = table;
  }

  @Override
  public void create(HourBundle bundle, Audit audit) {
    write(BillingItems.bundle(bundle), "attribute_not_exists(PK)", Map.of(), bundle, audit);
  }

  @Override
  public boolean createForRequest(HourBundle bundle, Audit audit) {
    Map<String, AttributeValue> claim = new HashMap<>();
    claim.put(Keys.PK, s(BillingKeys.tenant(bundle.tenant())));
    // Not under BUNDLE#: the bundles query (pattern 34) reads only bundles.
    claim.put(Keys.SK, s("REQUESTED-BUNDLE#" + String.format("%08d", bundle.requestTicket().orElseThrow())));
    claim.put("type", s("BundleRequestClaim"));
    claim.put("bundleId", s(bundle.id()));
    claim.put("at", s(audit.at().toString()));
    try {
      write(BillingItems.bundle(bundle), "attribute_not_exists(PK)", Map.of(), bundle, audit,
          TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(claim)
              .conditionExpression("attribute_not_exists(PK)")).build());
      return true;
    } catch (DomainException.Conflict e) {
      return false;
    }
  }

  @Override
  public void changeState(HourBundle changed, Audit audit) {
    HourBundle next = new HourBundle(changed.id(), changed.tenant(), changed.minutesBought(), changed.remainingMinutes(),
        changed.validFrom(), changed.validUntil(), changed.price(), changed.state(), changed.requestTicket(),
        changed.createdAt(), changed.version() + 1, changed.carry());
    Map<String, AttributeValue> item = BillingItems.bundle(next);
    // remainingMinutes is the ledger's: the state change writes the value it read, so it must still be that value.
    // An activation also writes the bundle's two notices: expiry warning and expiry itself.
    TransactWriteItem[] notices = changed.state() == HourBundle.State.ACTIVE
        ? new TransactWriteItem[] {expiryNotice(changed, audit.at()), expiredNotice(changed)} : new TransactWriteItem[0];
    write(item, "#v = :v AND remainingMinutes = :r", Map.of(":v", n(changed.version()), ":r", n(changed.remainingMinutes())),
        changed, audit, notices);
  }

  private void write(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values, HourBundle bundle,
                     Audit audit, TransactWriteItem... more) {
    Map<String, AttributeValue> auditItem = BillingItems.audit(BillingKeys.bundleAudit(bundle.tenant(), bundle.id()), "BundleAudit", audit);
    Put.Builder put = Put.builder().tableName(table.name()).item(item).conditionExpression(condition);
    if (!values.isEmpty()) {
      put.expressionAttributeNames(condition.contains("#v") ? Map.of("#v", "version") : Map.of()).expressionAttributeValues(values);
    }
    List<TransactWriteItem> writes = new ArrayList<>(List.of(
        TransactWriteItem.builder().put(put.build()).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(auditItem)
            .conditionExpression("attribute_not_exists(PK)")).build()));
    writes.addAll(List.of(more));
    try {
      table.client().transactWriteItems(r -> r.transactItems(writes));
    } catch (TransactionCanceledException e) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The hour bundle was changed meanwhile (time booked, or another admin); reload it and try again");
    }
  }

  /**
   * The bundle's expiry notice, due {@value HourNotices#EXPIRY_NOTICE_DAYS} days before its last day
   * (at once for a shorter bundle); the daily job mails it if hours are left then.
   */
  private TransactWriteItem expiryNotice(HourBundle bundle, Instant activatedAt) {
    Instant due = bundle.validUntil().minusDays(HourNotices.EXPIRY_NOTICE_DAYS).atStartOfDay(HourNotices.ZONE).toInstant();
    return notice(bundle, "EXPIRY", "expiry", due.isBefore(activatedAt) ? activatedAt : due);
  }

  /** Due when the bundle's last day is over (Europe/Amsterdam): the daily job lapses or rolls over what is left. */
  private TransactWriteItem expiredNotice(HourBundle bundle) {
    return notice(bundle, "EXPIRED", "expired", bundle.validUntil().plusDays(1).atStartOfDay(HourNotices.ZONE).toInstant());
  }

  /** A notice of the bundle ({@code NOTICE#<name>}) on the billing DueIndex partition, due at {@code due}, written once. */
  private TransactWriteItem notice(HourBundle bundle, String name, String kind, Instant due) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.bundleAudit(bundle.tenant(), bundle.id())));
    item.put(Keys.SK, s(BillingKeys.bundleNotice(name)));
    item.put("type", s("BillingNotice"));
    item.put("kind", s(kind));
    item.put("tenantId", s(bundle.tenant().value()));
    item.put("bundleId", s(bundle.id()));
    item.put("at", s(due.toString()));
    item.put("DuePK", s(BillingKeys.DUE_BILLING));
    item.put("DueSK", s(DynamoDbHourNotices.dueSort(due, bundle.tenant(), bundle.id() + "#" + name)));
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  @Override
  public boolean expire(HourBundle expired, Optional<HourBundle> next, int rolled, Instant at) {
    int lapsed = expired.remainingMinutes() - rolled;
    List<TransactWriteItem> writes = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":zero", n(0), ":seen", n(expired.remainingMinutes()),
        ":lapsed", n(lapsed), ":rolled", n(rolled), ":active", s(HourBundle.State.ACTIVE.wireName())));
    String set = "SET remainingMinutes = :zero, lapsedMinutes = :lapsed, rolledOutMinutes = :rolled";
    if (next.isPresent() && rolled > 0) {
      set += ", rolledOutTo = :to";
      values.put(":to", s(next.get().id()));
    }
    String expression = set;
    writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
        .key(Map.of(Keys.PK, s(BillingKeys.tenant(expired.tenant())), Keys.SK, s(BillingKeys.bundle(expired.id()))))
        .updateExpression(expression).conditionExpression("remainingMinutes = :seen AND #state = :active")
        .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values)).build());
    writes.add(ledgerLine(expired, at, "EXPIRED", Map.of("lapsedMinutes", n(lapsed), "rolledOutMinutes", n(rolled),
        "rolledOutTo", s(next.filter(b -> rolled > 0).map(HourBundle::id).orElse("")))));
    if (next.isPresent() && rolled > 0) {
      HourBundle target = next.get();
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
          .key(Map.of(Keys.PK, s(BillingKeys.tenant(target.tenant())), Keys.SK, s(BillingKeys.bundle(target.id()))))
          .updateExpression("SET remainingMinutes = remainingMinutes + :m, rolledInMinutes = if_not_exists(rolledInMinutes, :zero) + :m")
          .conditionExpression("attribute_exists(PK) AND #state <> :cancelled")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":m", n(rolled), ":zero", n(0), ":cancelled", s(HourBundle.State.CANCELLED.wireName()))))
          .build());
      writes.add(ledgerLine(target, at, "ROLLED-IN", Map.of("rolledInMinutes", n(rolled), "from", s(expired.id()))));
    }
    try {
      table.client().transactWriteItems(r -> r.transactItems(writes));
      return true;
    } catch (TransactionCanceledException e) {
      return false;
    }
  }

  /** A line of the bundle's own ledger (pattern 35): what expiry did to it. */
  private TransactWriteItem ledgerLine(HourBundle bundle, Instant at, String kind, Map<String, AttributeValue> details) {
    Map<String, AttributeValue> item = new HashMap<>(details);
    item.put(Keys.PK, s(BillingKeys.bundleAudit(bundle.tenant(), bundle.id())));
    item.put(Keys.SK, s("LEDGER#" + at + "#" + kind));
    item.put("type", s("BundleLedger"));
    item.put("kind", s(kind));
    item.put("at", s(at.toString()));
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  @Override
  public Optional<HourBundle> find(TenantId tenant, String bundleId) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(BillingKeys.bundle(bundleId)))));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(BillingItems.bundle(answer.item())) : Optional.empty();
  }

  @Override
  public List<HourBundle> list(TenantId tenant) {
    return table.client().queryPaginator(r -> r.tableName(table.name()).consistentRead(true)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.tenant(tenant)), ":p", s(BillingKeys.BUNDLE_PREFIX))))
        .items().stream().map(BillingItems::bundle).toList();
  }
}
