package nl.klantportaal.reports.adapter.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.reports.port.ReportRecords;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The reports' items (docs/data-model.md patterns 43–44, 43a–43c):
 * <ul>
 *   <li>{@code TENANT#<t> / REPORT#<yyyy-mm>}: the month's report (its current version);</li>
 *   <li>{@code TENANT#<t> / REPORTAUDIT#<yyyy-mm>#<at>#v<n>}: who had each version made;</li>
 *   <li>{@code TENANT#<t> / REPORTJOB#<yyyy-mm>#v<n>}: a work item, the stream's trigger (TTL 35 days);</li>
 *   <li>{@code REPORTRUN#<yyyy-mm> / PAGE#<n>}: a page of the month's fan-out (TTL 35 days);</li>
 *   <li>{@code TENANT#<t> / REPORTSETTINGS}: whether the customer's users see its reports.</li>
 * </ul>
 */
public final class DynamoDbReportRecords implements ReportRecords {
  private static final Duration WORK_ITEMS_KEPT = Duration.ofDays(35);

  private final PortalTable table;

  public DynamoDbReportRecords(PortalTable table) {
    this.table = table;
  }

  static String record(ReportMonth month) {
    return "REPORT#" + month;
  }

  static String job(ReportMonth month, int version) {
    return "REPORTJOB#" + month + "#v" + version;
  }

  static String run(ReportMonth month) {
    return "REPORTRUN#" + month;
  }

  @Override
  public boolean startRun(ReportMonth month, Instant at) {
    return putOnce(runPage(month, 0, Optional.empty(), at));
  }

  @Override
  public void nextPage(ReportMonth month, int page, String cursor, Instant at) {
    // A duplicate delivery of the previous page writes the same page again: already there is fine.
    putOnce(runPage(month, page, Optional.of(cursor), at));
  }

  private static Map<String, AttributeValue> runPage(ReportMonth month, int page, Optional<String> cursor, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(run(month)));
    item.put(Keys.SK, s("PAGE#" + page));
    item.put("type", s("ReportRun"));
    item.put("month", s(month.toString()));
    item.put("page", n(page));
    cursor.ifPresent(c -> item.put("cursor", s(c)));
    item.put("createdAt", s(at.toString()));
    item.put("expiresAt", n(at.plus(WORK_ITEMS_KEPT).getEpochSecond()));
    return item;
  }

  @Override
  public boolean enqueue(ReportJob job, Instant at) {
    return putOnce(Map.of(Keys.PK, s(Keys.tenant(job.tenant())), Keys.SK, s(job(job.month(), job.version())),
        "type", s("ReportJob"), "tenantId", s(job.tenant().value()), "month", s(job.month().toString()),
        "version", n(job.version()), "requestedBy", s(job.requestedBy()), "createdAt", s(at.toString()),
        "expiresAt", n(at.plus(WORK_ITEMS_KEPT).getEpochSecond())));
  }

  @Override
  public Optional<Instant> queuedAt(TenantId tenant, ReportMonth month, int version) {
    var item = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(Keys.tenant(tenant)), Keys.SK, s(job(month, version))))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(item.get("createdAt").s()));
  }

  /**
   * A delete conditional on the item's {@code createdAt}, then a put as {@link #enqueue}: the put is an INSERT, which
   * the stream's filter passes (overwriting in place would be a MODIFY, which it does not). A crash between the two
   * leaves no work item, and the next request for that version writes it.
   */
  @Override
  public boolean requeue(ReportJob job, Instant queuedAt, Instant at) {
    try {
      table.client().deleteItem(r -> r.tableName(table.name())
          .key(Map.of(Keys.PK, s(Keys.tenant(job.tenant())), Keys.SK, s(job(job.month(), job.version()))))
          .conditionExpression("createdAt = :seen").expressionAttributeValues(Map.of(":seen", s(queuedAt.toString()))));
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
    return enqueue(job, at);
  }

  private boolean putOnce(Map<String, AttributeValue> item) {
    try {
      table.client().putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<ReportRecord> find(TenantId tenant, ReportMonth month) {
    var item = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(Keys.tenant(tenant)), Keys.SK, s(record(month))))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(tenant, item));
  }

  @Override
  public boolean save(ReportRecord record, String requestedBy, Instant at) {
    Map<String, AttributeValue> item = Map.of(Keys.PK, s(Keys.tenant(record.tenant())), Keys.SK, s(record(record.month())),
        "type", s("Report"), "month", s(record.month().toString()), "version", n(record.version()),
        "objectKey", s(record.objectKey()), "generatedAt", s(record.generatedAt().toString()), "pages", n(record.pages()),
        "bytes", n(record.bytes()));
    Map<String, AttributeValue> audit = new java.util.HashMap<>(AuditItems.attributes(new AuditRecord(at, requestedBy,
        record.version() == 1 ? "generated" : "regenerated",
        new AuditObject("report", record.tenant().value() + ":" + record.month()),
        Map.of("version", String.valueOf(record.version()))), AuditItems.entryId()));
    audit.putAll(Map.of(Keys.PK, s(Keys.tenant(record.tenant())),
        Keys.SK, s("REPORTAUDIT#" + record.month() + "#" + at + "#v" + record.version()), "type", s("ReportAudit"),
        "month", s(record.month().toString()), "version", n(record.version()), "by", s(requestedBy)));
    return table.transactIfConditionsHold(List.of(
        TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
            .conditionExpression("attribute_not_exists(PK) OR #v < :v")
            .expressionAttributeNames(Map.of("#v", "version"))
            .expressionAttributeValues(Map.of(":v", n(record.version()))).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(audit)
            .conditionExpression(AuditItems.APPEND_ONLY).build()).build()));
  }

  @Override
  public List<ReportRecord> list(TenantId tenant) {
    return table.client().queryPaginator(r -> r.tableName(table.name()).scanIndexForward(false)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
            .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(tenant)), ":prefix", s("REPORT#"))))
        .items().stream().map(item -> toRecord(tenant, item)).toList();
  }

  @Override
  public boolean usersSeeReports(TenantId tenant) {
    var item = table.client().getItem(r -> r.tableName(table.name())
        .key(Map.of(Keys.PK, s(Keys.tenant(tenant)), Keys.SK, s("REPORTSETTINGS")))).item();
    return item != null && item.containsKey("usersSee") && item.get("usersSee").bool();
  }

  @Override
  public void setUsersSeeReports(TenantId tenant, boolean allowed, String by, Instant at) {
    // the switch and its audit entry (append-only, docs/privacy.md) in one transaction
    table.client().transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(Map.of(Keys.PK, s(Keys.tenant(tenant)),
            Keys.SK, s("REPORTSETTINGS"), "type", s("ReportSettings"), "usersSee", AttributeValue.fromBool(allowed),
            "updatedBy", s(by), "updatedAt", s(at.toString())))).build(),
        AuditItems.put(table.name(), new AuditRecord(at, by, allowed ? "report-sharing-on" : "report-sharing-off",
            new AuditObject("report-settings", tenant.value()), Map.of("usersSee", Boolean.toString(allowed))))));
  }

  private static ReportRecord toRecord(TenantId tenant, Map<String, AttributeValue> item) {
    return new ReportRecord(tenant, ReportMonth.parse(item.get("month").s()), Integer.parseInt(item.get("version").n()),
        item.get("objectKey").s(), Instant.parse(item.get("generatedAt").s()), Integer.parseInt(item.get("pages").n()),
        Long.parseLong(item.get("bytes").n()));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
