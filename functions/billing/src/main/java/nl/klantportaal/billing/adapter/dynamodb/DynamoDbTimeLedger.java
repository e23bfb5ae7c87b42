package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.InvoiceMarking;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The time ledger in DynamoDB. A booking is one {@code TransactWriteItems}: each new line
 * ({@code attribute_not_exists}), each bundle's balance ({@code remainingMinutes - :m} only while the
 * bundle is active and holds at least {@code :m}; a reversal adds back), and each corrected mark
 * (only on a line neither corrected nor invoiced). When a balance condition fails or the transaction
 * conflicts with a concurrent one, the bundles are read again (consistently) and the booking planned
 * again, with jittered back-off, up to {@value #MAX_ATTEMPTS} times.
 */
public final class DynamoDbTimeLedger implements TimeLedger, InvoiceMarking {
  static final int MAX_ATTEMPTS = 60;
  private final PortalTable table;
  private final BundleRepository bundles;

  public DynamoDbTimeLedger(PortalTable table, BundleRepository bundles) {
    this.table = table;
    this.bundles = bundles;
  }

  @Override
  public LedgerChange apply(TenantId tenant, Function<List<HourBundle>, LedgerChange> planner) {
    for (int attempt = 1; ; attempt++) {
      LedgerChange change = planner.apply(bundles.list(tenant));
      List<TransactWriteItem> writes = writes(tenant, change);
      try {
        table.client().transactWriteItems(r -> r.transactItems(writes));
        return change;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        int marks = change.corrected().size();
        // The corrected marks come last: a failed one means the registration was corrected or invoiced meanwhile.
        for (int i = writes.size() - marks; i < writes.size() && i < reasons.size(); i++) {
          if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
            throw new DomainException.InvalidInput(List.of(new FieldError("registrationId", "already-corrected",
                "was corrected or invoiced meanwhile")));
          }
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
              "The hours of this customer are being booked by many at once; try again");
        }
        backOff(attempt);
      }
    }
  }

  private List<TransactWriteItem> writes(TenantId tenant, LedgerChange change) {
    List<TransactWriteItem> writes = new ArrayList<>();
    for (TimeEntry line : change.lines()) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(BillingItems.line(line))
          .conditionExpression("attribute_not_exists(PK)")).build());
    }
    change.bundleDeltas().forEach((bundleId, delta) -> {
      Map<String, AttributeValue> key = Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(BillingKeys.bundle(bundleId)));
      if (delta > 0) {
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key)
            .updateExpression("SET remainingMinutes = remainingMinutes - :m")
            .conditionExpression("#state = :active AND remainingMinutes >= :m")
            .expressionAttributeNames(Map.of("#state", "state"))
            .expressionAttributeValues(Map.of(":m", n(delta), ":active", s(HourBundle.State.ACTIVE.wireName())))).build());
      } else {
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key)
            .updateExpression("SET remainingMinutes = remainingMinutes + :m")
            .conditionExpression("attribute_exists(PK)")
            .expressionAttributeValues(Map.of(":m", n(-delta)))).build());
      }
    });
    for (TimeEntry original : change.corrected()) {
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
          .key(Map.of(Keys.PK, s(BillingKeys.month(tenant, original.date())),
              Keys.SK, s(BillingKeys.entry(original.registrationId(), original.line()))))
          .updateExpression("SET correctedBy = :c")
          .conditionExpression("attribute_exists(PK) AND attribute_not_exists(correctedBy) AND invoiceStatus <> :invoiced")
          .expressionAttributeValues(Map.of(":c", s(change.correctionId().orElseThrow()), ":invoiced", s("invoiced")))).build());
    }
    return writes;
  }

  private static void backOff(int attempt) {
    long ceiling = Math.min(200, 5L * attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while booking time", e);
    }
  }

  @Override
  public List<TimeEntry> registration(TenantId tenant, String registrationId) {
    return query(QueryRequest.builder().tableName(table.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
        .expressionAttributeValues(Map.of(":pk", s(BillingKeys.month(tenant, BillingKeys.dateOf(registrationId))),
            ":p", s(BillingKeys.registrationPrefix(registrationId)))).build());
  }

  @Override
  public List<TimeEntry> entries(TenantId tenant, Period period, Optional<RegistrationType> type, Optional<Long> ticket) {
    List<TimeEntry> lines = new ArrayList<>();
    if (ticket.isPresent()) {
      lines.addAll(query(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
          .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":pk", s(BillingKeys.ticketTime(tenant, ticket.get())),
              ":from", s(period.from().toString()), ":to", s(period.to() + "~"))).build()));
    } else {
      for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
        LocalDate first = month.atDay(1);
        lines.addAll(query(QueryRequest.builder().tableName(table.name())
            .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.month(tenant, first)),
                ":from", s(BillingKeys.ENTRY_PREFIX + period.from()), ":to", s(BillingKeys.ENTRY_PREFIX + period.to() + "~"))).build()));
      }
    }
    return lines.stream().filter(l -> type.isEmpty() || l.type() == type.get())
        .sorted(Comparator.comparing(TimeEntry::date).thenComparing(TimeEntry::registrationId).thenComparing(TimeEntry::line))
        .toList();
  }

  @Override
  public List<TimeEntry> bundleEntries(TenantId tenant, String bundleId) {
    return query(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI2)
        .keyConditionExpression("GSI2PK = :pk")
        .expressionAttributeValues(Map.of(":pk", s(BillingKeys.invoiceStatus(tenant, new InvoiceStatus.InBundle(bundleId).indexKey()))))
        .build());
  }

  private List<TimeEntry> query(QueryRequest request) {
    List<TimeEntry> lines = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = table.client().query(request.toBuilder().exclusiveStartKey(start).build());
      page.items().forEach(item -> lines.add(BillingItems.line(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return lines;
  }

  @Override
  public void markInvoiced(TenantId tenant, List<String> lineIds, String invoiceNumber) {
    InvoiceStatus invoiced = new InvoiceStatus.ToInvoice().invoice(invoiceNumber);
    move(tenant, lineIds, "to-invoice", invoiced);
  }

  @Override
  public void credit(TenantId tenant, List<String> lineIds) {
    move(tenant, lineIds, "invoiced", new InvoiceStatus.ToInvoice());
  }

  /** Moves every named line from status {@code from} to {@code to} in one transaction (up to 100 lines). */
  private void move(TenantId tenant, List<String> lineIds, String from, InvoiceStatus to) {
    if (lineIds.isEmpty() || lineIds.size() > 100) {
      throw new IllegalArgumentException("Invoice 1 to 100 lines at a time");
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    for (String lineId : lineIds) {
      int dot = lineId.lastIndexOf('.');
      String registrationId = lineId.substring(0, dot);
      int line = Integer.parseInt(lineId.substring(dot + 1));
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":from", s(from));
      values.put(":to", s(to.wireName()));
      values.put(":gsi", s(BillingKeys.invoiceStatus(tenant, to.indexKey())));
      String set = "SET invoiceStatus = :to, GSI2PK = :gsi";
      if (to.detail().isEmpty()) {
        set += " REMOVE invoiceStatusDetail";
      } else {
        set += ", invoiceStatusDetail = :detail";
        values.put(":detail", s(to.detail()));
      }
      String expression = set;
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
          .key(Map.of(Keys.PK, s(BillingKeys.month(tenant, BillingKeys.dateOf(registrationId))),
              Keys.SK, s(BillingKeys.entry(registrationId, line))))
          .updateExpression(expression)
          .conditionExpression("invoiceStatus = :from AND attribute_not_exists(correctedBy) AND attribute_not_exists(reverses)")
          .expressionAttributeValues(values)).build());
    }
    try {
      table.client().transactWriteItems(r -> r.transactItems(writes));
    } catch (TransactionCanceledException e) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A line is not " + from + " (or was corrected): nothing was changed");
    }
  }
}
