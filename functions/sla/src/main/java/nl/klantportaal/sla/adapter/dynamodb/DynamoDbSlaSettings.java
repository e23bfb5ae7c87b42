package nl.klantportaal.sla.adapter.dynamodb;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.sla.domain.Closure;
import nl.klantportaal.sla.domain.DefaultSlaTable;
import nl.klantportaal.sla.domain.DutchHolidays;
import nl.klantportaal.sla.domain.OpeningWindow;
import nl.klantportaal.sla.domain.ProviderCalendar;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaTable;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The provider's SLA settings in one partition, {@code PK = SLA} (docs/data-model.md patterns 29 and
 * 30): {@code TIER#<tier>} per edited tier (its terms as {@link SlaTermsCodec} lines) and
 * {@code CALENDAR#BUSINESS} (hours per weekday, holiday switches, closures). {@link #load()} is one
 * query of at most five items; every save is conditional on the version read.
 */
public final class DynamoDbSlaSettings implements SlaSettingsRepository {
  private final PortalTable table;

  public DynamoDbSlaSettings(PortalTable table) {
    this.table = table;
  }

  @Override
  public SlaSettings load() {
    QueryResponse answer = table.client().query(r -> r.tableName(table.name())
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", Keys.PK))
        .expressionAttributeValues(Map.of(":pk", s(Keys.SLA_SETTINGS)))
        .consistentRead(true));
    SlaTable tiers = DefaultSlaTable.table();
    Map<SlaTier, Long> versions = new EnumMap<>(SlaTier.class);
    ProviderCalendar calendar = ProviderCalendar.defaults();
    long calendarVersion = 0;
    for (Map<String, AttributeValue> item : answer.items()) {
      String sk = item.get(Keys.SK).s();
      long version = Long.parseLong(item.get("version").n());
      if (sk.startsWith(Keys.SLA_TIER_PREFIX)) {
        SlaTier tier = SlaTermsCodec.tier(sk.substring(Keys.SLA_TIER_PREFIX.length()));
        tiers = tiers.withTerms(SlaTermsCodec.decode(tier, item.get("terms").l().stream().map(AttributeValue::s).toList()));
        versions.put(tier, version);
      } else if (sk.equals(Keys.SLA_CALENDAR_SK)) {
        calendar = calendar(item);
        calendarVersion = version;
      }
    }
    return new SlaSettings(tiers, versions, calendar, calendarVersion);
  }

  @Override
  public long saveTerms(SlaTerms terms, long expectedVersion, Edit edit) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("type", s("SlaTier"));
    item.put("tier", s(terms.tier().wireName()));
    item.put("terms", AttributeValue.fromL(SlaTermsCodec.encode(terms).stream().map(DynamoDbSlaSettings::s).toList()));
    return put(Keys.SLA_TIER_PREFIX + terms.tier().wireName(), item, expectedVersion, edit, "SLA tier " + terms.tier().wireName(),
        new AuditObject("sla-tier", terms.tier().wireName()), "sla-tier-saved");
  }

  @Override
  public long saveCalendar(ProviderCalendar calendar, long expectedVersion, Edit edit) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("type", s("SlaCalendar"));
    List<AttributeValue> hours = new ArrayList<>();
    calendar.hours().forEach((day, w) -> hours.add(s(day.name() + " " + w.opens() + " " + w.closes())));
    item.put("hours", AttributeValue.fromL(hours));
    item.put("goodFriday", AttributeValue.fromBool(calendar.holidays().goodFriday()));
    item.put("liberationDay", s(calendar.holidays().liberationDay().name()));
    item.put("closures", AttributeValue.fromL(calendar.closures().stream()
        .map(c -> AttributeValue.fromM(Map.of("date", s(c.date().toString()), "nl", s(c.reason().nl()),
            "en", s(c.reason().en()), "de", s(c.reason().de())))).toList()));
    return put(Keys.SLA_CALENDAR_SK, item, expectedVersion, edit, "The SLA calendar",
        new AuditObject("sla-calendar", "business"), "sla-calendar-saved");
  }

  /** The settings item on its version, and its audit entry (append-only), in one transaction. */
  private long put(String sortKey, Map<String, AttributeValue> item, long expectedVersion, Edit edit, String what,
      AuditObject object, String action) {
    long next = expectedVersion + 1;
    item.put("updatedBy", s(edit.by().value()));
    item.put("updatedAt", s(edit.at().toString()));
    item.put(Keys.PK, s(Keys.SLA_SETTINGS));
    item.put(Keys.SK, s(sortKey));
    item.put("version", AttributeValue.fromN(Long.toString(next)));
    Put.Builder put = Put.builder().tableName(table.name()).item(item);
    if (expectedVersion == 0) {
      put.conditionExpression("attribute_not_exists(PK)");
    } else {
      put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
    }
    var audit = new AuditRecord(edit.at(), edit.by().value(), action, object, Map.of("version", Long.toString(next)));
    if (!table.transactIfConditionsHold(List.of(TransactWriteItem.builder().put(put.build()).build(),
        AuditItems.put(table.name(), audit)))) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          what + " was changed by someone else; reload it and try again");
    }
    return next;
  }

  private static ProviderCalendar calendar(Map<String, AttributeValue> item) {
    Map<DayOfWeek, OpeningWindow> hours = new EnumMap<>(DayOfWeek.class);
    for (AttributeValue line : item.get("hours").l()) {
      String[] p = line.s().split(" ");
      hours.put(DayOfWeek.valueOf(p[0]), new OpeningWindow(LocalTime.parse(p[1]), LocalTime.parse(p[2])));
    }
    var holidays = new DutchHolidays(item.get("goodFriday").bool(),
        DutchHolidays.LiberationDay.valueOf(item.get("liberationDay").s()));
    List<Closure> closures = item.get("closures").l().stream()
        .map(c -> new Closure(LocalDate.parse(c.m().get("date").s()),
            new LocalizedText(c.m().get("nl").s(), c.m().get("en").s(), c.m().get("de").s()))).toList();
    return new ProviderCalendar(hours, holidays, closures);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
