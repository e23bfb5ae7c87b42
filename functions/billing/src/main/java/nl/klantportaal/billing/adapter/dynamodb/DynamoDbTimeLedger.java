package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The time ledger in DynamoDB. A booking is one {@code TransactWriteItems}: each new line
 * ({@code attribute_not_exists}), each bundle's balance ({@code remainingMinutes - :m} only while the
 * bundle is active and its balance is still in the {@link #band} the plan holds for; a reversal adds back to exactly the
 * balance it saw), each corrected
 * mark (only on a line neither corrected nor on an invoice), and the notices the booking causes: a bundle
 * crossing 80 % or 95 % used (written once; one already there is left out on the next attempt), and
 * the customer's overflow of the day (added up on one notice, due when the day is over). When a balance condition fails or the transaction
 * conflicts with a concurrent one, the bundles are read again (consistently) and the booking planned
 * again, with jittered back-off, up to {@value #MAX_ATTEMPTS} times.
 */
public final class DynamoDbTimeLedger implements TimeLedger {
  static final int MAX_ATTEMPTS = 60;
  private final PortalTable table;
  private final BundleRepository bundles;
  private final InvoiceStates invoiceStates;

  public DynamoDbTimeLedger(PortalTable table, BundleRepository bundles) {
    this.table = table;
    this.bundles = bundles;
    this.invoiceStates = new InvoiceStates(table);
  }

  @Override
  public LedgerChange apply(TenantId tenant, Function<List<HourBundle>, LedgerChange> planner) {
    Set<String> recorded = new HashSet<>();
    for (int attempt = 1; ; attempt++) {
      List<HourBundle> current = bundles.list(tenant);
      LedgerChange change = planner.apply(current);
      Writes writes = writes(tenant, change, current, recorded);
      try {
        table.client().transactWriteItems(r -> r.transactItems(writes.items()));
        return change;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        for (int i = 0; i < writes.items().size() && i < reasons.size(); i++) {
          if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
            continue;
          }
          String role = writes.roles().get(i);
          if (role.startsWith("mark:")) {
            throw new DomainException.InvalidInput(List.of(new FieldError("registrationId", "already-corrected",
                "was corrected or invoiced meanwhile")));
          }
          if (role.startsWith("notice:")) {
            recorded.add(role.substring("notice:".length())); // recorded before: once per threshold, once per day
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

  /** The transaction's items and, per item, what it is (line, bundle, mark, notice), to read its cancellation reason. */
  private record Writes(List<TransactWriteItem> items, List<String> roles) {}

  private Writes writes(TenantId tenant, LedgerChange change, List<HourBundle> current, Set<String> recorded) {
    List<TransactWriteItem> writes = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (TimeEntry line : change.lines()) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(BillingItems.line(line))
          .conditionExpression("attribute_not_exists(PK)")).build());
      roles.add("line");
    }
    // the audit entry of the booking (append-only, docs/privacy.md): who registered or corrected what, ids only
    TimeEntry first = change.lines().getFirst();
    String booked = change.correctionId().orElse(first.registrationId());
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("date", change.lines().getLast().date().toString());
    details.put("lines", Integer.toString(change.lines().size()));
    if (!change.corrected().isEmpty()) {
      details.put("corrects", change.corrected().getFirst().registrationId());
    }
    writes.add(AuditItems.put(table.name(), new AuditRecord(first.createdAt(), first.agent().value(),
        change.correctionId().isPresent() ? "time-corrected" : "time-registered",
        new AuditObject("time-registration", tenant.value() + ":" + booked), details)));
    roles.add("audit");
    Map<String, HourBundle> byId = new HashMap<>();
    current.forEach(b -> byId.put(b.id(), b));
    Instant now = change.lines().getFirst().createdAt();
    change.bundleDeltas().forEach((bundleId, delta) -> {
      HourBundle before = byId.get(bundleId);
      if (before == null) {
        throw new IllegalStateException("A booking names bundle " + bundleId + " that the customer does not have");
      }
      Map<String, AttributeValue> key = Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(BillingKeys.bundle(bundleId)));
      if (delta > 0) {
        // Any balance the plan holds for: the minutes still fit, the same thresholds are crossed, and a bundle the
        // plan empties still holds exactly what it saw. A concurrent booking elsewhere in the band needs no re-plan.
        Band band = band(before, delta);
        Map<String, AttributeValue> values = Map.of(":m", n(delta), ":lo", n(band.lowest()), ":hi", n(band.highest()),
            ":active", s(HourBundle.State.ACTIVE.wireName()));
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key)
            .updateExpression("SET remainingMinutes = remainingMinutes - :m")
            .conditionExpression("#state = :active AND remainingMinutes BETWEEN :lo AND :hi")
            .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values)).build());
      } else {
        // Exactly the balance the plan saw: a correction's replacement was allocated against it.
        Map<String, AttributeValue> values = Map.of(":m", n(-delta), ":seen", n(before.remainingMinutes()));
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key)
            .updateExpression("SET remainingMinutes = remainingMinutes + :m")
            .conditionExpression("attribute_exists(PK) AND remainingMinutes = :seen")
            .expressionAttributeValues(values)).build());
      }
      roles.add("bundle");
      if (delta > 0) {
        for (int percent : HourNotices.THRESHOLDS) {
          String id = bundleId + "#USED#" + percent;
          if (crosses(before, delta, percent) && !recorded.contains(id)) {
            writes.add(notice(BillingKeys.bundleAudit(tenant, bundleId), BillingKeys.bundleNotice("USED#" + percent), tenant,
                Map.of("bundleId", s(bundleId), "kind", s("used"), "percent", n(percent)), now, id));
            roles.add("notice:" + id);
          }
        }
      }
    });
    int overflow = change.lines().stream().filter(TimeEntry::overflow).mapToInt(TimeEntry::minutes).sum();
    if (overflow > 0) {
      // One notice per customer and booking day, adding up the day's overflow; due when the day is over, so the
      // daily job (the next morning) mails the whole day once.
      LocalDate day = LocalDate.ofInstant(now, HourNotices.ZONE);
      Instant dueAt = day.plusDays(1).atStartOfDay(HourNotices.ZONE).toInstant();
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
          .key(Map.of(Keys.PK, s(BillingKeys.tenant(tenant)), Keys.SK, s(BillingKeys.overflowNotice(day))))
          .updateExpression("ADD overflowMinutes :m SET #type = :type, kind = :kind, tenantId = :t, #day = :day, #at = :at,"
              + " DuePK = :duePk, DueSK = :dueSk")
          .expressionAttributeNames(Map.of("#type", "type", "#day", "day", "#at", "at"))
          .expressionAttributeValues(Map.of(":m", n(overflow), ":type", s("BillingNotice"), ":kind", s("overflow"),
              ":t", s(tenant.value()), ":day", s(day.toString()), ":at", s(dueAt.toString()),
              ":duePk", s(BillingKeys.DUE_BILLING), ":dueSk", s(DynamoDbHourNotices.dueSort(dueAt, tenant, "overflow#" + day)))))
          .build());
      roles.add("overflow");
    }
    for (TimeEntry original : change.corrected()) {
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
          .key(Map.of(Keys.PK, s(BillingKeys.month(tenant, original.date())),
              Keys.SK, s(BillingKeys.entry(original.registrationId(), original.line()))))
          .updateExpression("SET correctedBy = :c")
          .conditionExpression("attribute_exists(PK) AND attribute_not_exists(correctedBy) AND invoiceStatus <> :invoiced"
              + " AND attribute_not_exists(invoiceId)")
          .expressionAttributeValues(Map.of(":c", s(change.correctionId().orElseThrow()), ":invoiced", s("invoiced")))).build());
      roles.add("mark:" + original.id());
    }
    return new Writes(writes, roles);
  }

  /** The balances, both inclusive, a bundle may hold when a booking takes {@code delta} of them for its plan to stay true. */
  record Band(int lowest, int highest) {}

  /**
   * The balances around the one the plan saw ({@code before}) at which taking {@code delta} minutes (positive) crosses
   * the same thresholds as the plan and does not go below zero. A plan that empties the bundle allows only the balance
   * it saw: with more, part of the booking would have been allocated here rather than to the next bundle or overflow.
   * Use at balance {@code b} is {@code fixed - b}, with {@code fixed} the capacity less what lapsed or rolled out, so
   * threshold {@code p} is crossed for every {@code b} in {@code [from_p, to_p]} below; the band is cut at those ends.
   */
  static Band band(HourBundle before, int delta) {
    int seen = before.remainingMinutes();
    if (delta >= seen) {
      return new Band(seen, seen);
    }
    long capacity = before.capacity();
    long fixed = (long) before.usedMinutes() + seen;
    long lowest = delta;
    long highest = Integer.MAX_VALUE;
    for (int percent : HourNotices.THRESHOLDS) {
      long from = Math.floorDiv(100 * fixed - capacity * percent, 100) + 1; // first balance with use below the threshold
      long to = Math.floorDiv(100 * fixed + 100L * delta - capacity * percent, 100); // last one where taking delta reaches it
      if (seen < from) {
        highest = Math.min(highest, from - 1);
      } else {
        lowest = Math.max(lowest, from);
      }
      if (seen > to) {
        lowest = Math.max(lowest, to + 1);
      } else {
        highest = Math.min(highest, to);
      }
    }
    return new Band((int) lowest, (int) highest);
  }

  /** Whether taking {@code delta} minutes moves the bundle's use from below {@code percent} to at or above it (exact). */
  static boolean crosses(HourBundle before, int delta, int percent) {
    long threshold = (long) before.capacity() * percent;
    return (long) before.usedMinutes() * 100 < threshold && (long) (before.usedMinutes() + delta) * 100 >= threshold;
  }

  /** A notice on the billing DueIndex partition, written once ({@code attribute_not_exists}), due now. */
  private TransactWriteItem notice(String pk, String sk, TenantId tenant, Map<String, AttributeValue> attributes, Instant at,
                                   String id) {
    Map<String, AttributeValue> item = new HashMap<>(attributes);
    item.put(Keys.PK, s(pk));
    item.put(Keys.SK, s(sk));
    item.put("type", s("BillingNotice"));
    item.put("tenantId", s(tenant.value()));
    item.put("at", s(at.toString()));
    item.put("DuePK", s(BillingKeys.DUE_BILLING));
    item.put("DueSK", s(DynamoDbHourNotices.dueSort(at, tenant, id)));
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
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
    return invoiceStates.lines(table.client().queryPaginator(request).items().stream().toList());
  }
}
