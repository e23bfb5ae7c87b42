package nl.klantportaal.billing.adapter.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.RandomIds;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored shape of bundles and ledger lines (docs/data-model.md, "Billing items"). */
final class BillingItems {
  private BillingItems() {}

  static Map<String, AttributeValue> bundle(HourBundle b) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.tenant(b.tenant())));
    item.put(Keys.SK, s(BillingKeys.bundle(b.id())));
    item.put("type", s("HourBundle"));
    item.put("tenantId", s(b.tenant().value()));
    item.put("id", s(b.id()));
    item.put("minutesBought", n(b.minutesBought()));
    item.put("remainingMinutes", n(b.remainingMinutes()));
    item.put("validFrom", s(b.validFrom().toString()));
    item.put("validUntil", s(b.validUntil().toString()));
    item.put("price", s(b.price().toString()));
    item.put("state", s(b.state().wireName()));
    b.requestTicket().ifPresent(t -> item.put("requestTicket", n(t)));
    item.put("createdAt", s(b.createdAt().toString()));
    item.put("version", n(b.version()));
    item.put("rolledInMinutes", n(b.carry().rolledInMinutes()));
    item.put("lapsedMinutes", n(b.carry().lapsedMinutes()));
    item.put("rolledOutMinutes", n(b.carry().rolledOutMinutes()));
    b.carry().rolledOutTo().ifPresent(t -> item.put("rolledOutTo", s(t)));
    if (b.state() == HourBundle.State.ACTIVE) {
      item.put(Keys.GSI1PK, s(BillingKeys.ACTIVE_BUNDLES));
      item.put(Keys.GSI1SK, s(BillingKeys.activeBundleSort(b.validUntil(), b.tenant(), b.id())));
    }
    return item;
  }

  static HourBundle bundle(Map<String, AttributeValue> item) {
    return new HourBundle(item.get("id").s(), new TenantId(item.get("tenantId").s()), i(item, "minutesBought"),
        i(item, "remainingMinutes"), LocalDate.parse(item.get("validFrom").s()), LocalDate.parse(item.get("validUntil").s()),
        new Money(new BigDecimal(item.get("price").s())), WireEnum.parse(HourBundle.State.class, item.get("state").s()),
        Optional.ofNullable(item.get("requestTicket")).map(v -> Long.parseLong(v.n())), Instant.parse(item.get("createdAt").s()),
        Long.parseLong(item.get("version").n()), new HourBundle.Carry(zeroIfAbsent(item, "rolledInMinutes"),
            zeroIfAbsent(item, "lapsedMinutes"), zeroIfAbsent(item, "rolledOutMinutes"), opt(item, "rolledOutTo")));
  }

  private static int zeroIfAbsent(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? i(item, name) : 0;
  }

  static Map<String, AttributeValue> line(TimeEntry e) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(BillingKeys.month(e.tenant(), e.date())));
    item.put(Keys.SK, s(BillingKeys.entry(e.registrationId(), e.line())));
    item.put("type", s("TimeEntry"));
    item.put("tenantId", s(e.tenant().value()));
    item.put("registrationId", s(e.registrationId()));
    item.put("line", n(e.line()));
    item.put("date", s(e.date().toString()));
    item.put("minutes", n(e.minutes()));
    item.put("registeredMinutes", n(e.registeredMinutes()));
    item.put("registrationType", s(e.type().wireName()));
    item.put("invoiceStatus", s(e.status().wireName()));
    if (!e.status().detail().isEmpty()) {
      item.put("invoiceStatusDetail", s(e.status().detail()));
    }
    item.put("overflow", AttributeValue.fromBool(e.overflow()));
    item.put("agentId", s(e.agent().value()));
    item.put("agentName", s(e.agentName()));
    item.put("description", s(e.description()));
    e.internalNote().ifPresent(v -> item.put("internalNote", s(v)));
    e.ticket().ifPresent(t -> {
      item.put("ticketNumber", n(t));
      item.put(Keys.GSI1PK, s(BillingKeys.ticketTime(e.tenant(), t)));
      item.put(Keys.GSI1SK, s(BillingKeys.lineSort(e.registrationId(), e.line())));
    });
    e.reverses().ifPresent(v -> item.put("reverses", s(v)));
    e.correctedBy().ifPresent(v -> item.put("correctedBy", s(v)));
    item.put(Keys.GSI2PK, s(BillingKeys.invoiceStatus(e.tenant(), e.status().indexKey())));
    item.put(Keys.GSI2SK, s(BillingKeys.lineSort(e.registrationId(), e.line())));
    item.put("createdAt", s(e.createdAt().toString()));
    return item;
  }

  static TimeEntry line(Map<String, AttributeValue> item) {
    return new TimeEntry(item.get("registrationId").s(), i(item, "line"), new TenantId(item.get("tenantId").s()),
        LocalDate.parse(item.get("date").s()), i(item, "minutes"), i(item, "registeredMinutes"),
        WireEnum.parse(RegistrationType.class, item.get("registrationType").s()),
        InvoiceStatus.parse(item.get("invoiceStatus").s(), opt(item, "invoiceStatusDetail").orElse("")),
        item.get("overflow").bool(), new UserId(item.get("agentId").s()), item.get("agentName").s(), item.get("description").s(),
        opt(item, "internalNote"), Optional.ofNullable(item.get("ticketNumber")).map(v -> Long.parseLong(v.n())),
        opt(item, "reverses"), opt(item, "correctedBy"), Instant.parse(item.get("createdAt").s()));
  }

  /**
   * An audit item in {@code partition} ({@code SK = AUDIT#<at>#<r>}), written once ({@code
   * attribute_not_exists}, see the callers' puts) in the change's transaction; it carries the shared
   * audit shape ({@link AuditItems}), its object named by the partition: {@code TENANT#<t>#BUNDLE#<id>}
   * is {@code bundle <t>:<id>}, {@code TENANT#<t>#INVOICING} is {@code invoicing <t>}.
   */
  static Map<String, AttributeValue> audit(String partition, String type, Audit audit) {
    String entryId = RandomIds.suffix();
    Map<String, String> details = audit.details().isEmpty() ? Map.of() : Map.of("text", audit.details());
    Map<String, AttributeValue> item = new HashMap<>(AuditItems.attributes(
        new AuditRecord(audit.at(), audit.actorId(), audit.action(), auditObject(partition), details), entryId));
    item.put(Keys.PK, s(partition));
    item.put(Keys.SK, s("AUDIT#" + audit.at() + "#" + entryId));
    item.put("type", s(type));
    item.put("actorRole", s(audit.actorRole()));
    return item;
  }

  static AuditObject auditObject(String partition) {
    String[] parts = partition.substring("TENANT#".length()).split("#");
    String kind = parts[1].toLowerCase(java.util.Locale.ROOT);
    return new AuditObject(kind, parts.length > 2 ? parts[0] + ":" + parts[2] : parts[0]);
  }

  static Optional<String> opt(Map<String, AttributeValue> item, String name) {
    return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
  }

  static int i(Map<String, AttributeValue> item, String name) {
    return Integer.parseInt(item.get(name).n());
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
