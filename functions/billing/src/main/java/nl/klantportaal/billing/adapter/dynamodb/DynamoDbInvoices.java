package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.InvoiceRepository;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Invoices in DynamoDB (docs/data-model.md, patterns 42–42e).
 *
 * <ul>
 *   <li>The invoice: {@code PK = TENANT#<t>}, {@code SK = INVOICE#<id>}; its audit and notices in
 *       {@code TENANT#<t>#INVOICE#<id>}; the notices on DueIndex {@code DUE#INVOICES}.
 *   <li>What a draft bills: each registration line gets {@code invoiceId} (a conditional update on the
 *       line still to be invoiced and on no invoice holding it); a subscription's billed stretch is a
 *       claim item {@code TENANT#<t>#SUBSCRIPTION#<id>} / {@code CHARGE#<from>#<to>}; a bundle's is
 *       {@code TENANT#<t>#BUNDLE#<id>} / {@code INVOICED}. A DynamoDB transaction holds at most 100
 *       items, so the lines go in chunks of {@value #CHUNK}; the charges, the bundle and the flag that
 *       makes the draft complete go last.
 *   <li>Numbers: one counter per year ({@code PK = INVOICENUMBER#<year>}, {@code SK = COUNTER},
 *       {@code last}) advanced in the finalising transaction, conditional on the value read, with a
 *       claim item per number ({@code SK = NUMBER#<sequence>}) so no number is ever given twice and
 *       none is skipped: a transaction that fails takes no number.
 * </ul>
 */
public final class DynamoDbInvoices implements InvoiceRepository {
  static final int CHUNK = 100;
  private static final int MAX_ATTEMPTS = 200;
  private final PortalTable table;
  private final InvoiceStates invoiceStates;

  public DynamoDbInvoices(PortalTable table) {
    this.table = table;
    this.invoiceStates = new InvoiceStates(table);
  }

  // ---- what is still to be billed

  @Override
  public List<AttachedTime> timeToInvoice(TenantId tenant, Invoice.Supply supply) {
    List<Map<String, AttributeValue>> items = toInvoiceItems(tenant, supply);
    Map<String, InvoiceState> states = states(tenant, items.stream().filter(i -> i.containsKey("invoiceId"))
        .map(i -> i.get("invoiceId").s()).toList());
    return items.stream().map(item -> {
      Optional<String> invoiceId = Optional.ofNullable(item.get("invoiceId")).map(AttributeValue::s);
      Optional<InvoiceState> state = invoiceId.map(states::get);
      boolean held = state.map(s -> s == InvoiceState.DRAFT || s.billed()).orElse(false);
      return new AttachedTime(BillingItems.line(item), invoiceId, held, state.map(s -> s == InvoiceState.DRAFT).orElse(false));
    }).toList();
  }

  /** The customer's lines whose stored status is still to be invoiced, dated in the supply period (pattern 39). */
  private List<Map<String, AttributeValue>> toInvoiceItems(TenantId tenant, Invoice.Supply supply) {
    return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI2)
            .keyConditionExpression("GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.invoiceStatus(tenant, new InvoiceStatus.ToInvoice().indexKey())),
                ":from", s(supply.from().toString()), ":to", s(supply.to() + "~"))).build())
        .items().stream().toList();
  }

  /** The state of each invoice named (consistently read); an invoice that no longer exists (a discarded draft) is absent. */
  private Map<String, InvoiceState> states(TenantId tenant, List<String> ids) {
    List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(ids).stream().map(id -> InvoiceItems.key(tenant, id)).toList();
    Map<String, InvoiceState> result = new HashMap<>();
    invoiceStates.read(keys, true).forEach((id, stored) -> result.put(id, stored.state()));
    return result;
  }

  private boolean holds(TenantId tenant, String invoiceId) {
    InvoiceState state = states(tenant, List.of(invoiceId)).get(invoiceId);
    return state != null && (state == InvoiceState.DRAFT || state.billed());
  }

  @Override
  public List<Charged> charged(TenantId tenant, String subscriptionId) {
    var items = table.client().queryPaginator(r -> r.tableName(table.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
        .expressionAttributeValues(Map.of(":pk", s(subscriptionPartition(tenant, subscriptionId)), ":p", s("CHARGE#"))))
        .items().stream().toList();
    Map<String, InvoiceState> states = states(tenant, items.stream().map(i -> i.get("invoiceId").s()).toList());
    return items.stream().filter(i -> {
      InvoiceState state = states.get(i.get("invoiceId").s());
      return state != null && (state == InvoiceState.DRAFT || state.billed());
    }).map(i -> new Charged(LocalDate.parse(i.get("from").s()), LocalDate.parse(i.get("to").s()), i.get("invoiceId").s())).toList();
  }

  @Override
  public boolean bundleBilled(TenantId tenant, String bundleId) {
    var claim = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(bundleClaimKey(tenant, bundleId)));
    return claim.hasItem() && !claim.item().isEmpty() && holds(tenant, claim.item().get("invoiceId").s());
  }

  // ---- drafts

  @Override
  public void saveDraft(Invoice draft, List<TimeEntry> time, Audit audit) {
    TenantId tenant = draft.tenant();
    List<TransactWriteItem> first = new ArrayList<>();
    first.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(InvoiceItems.item(draft))
        .conditionExpression("attribute_not_exists(PK)")).build());
    first.add(audit(draft, audit));
    if (!table.transactIfConditionsHold(first)) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "This draft exists already");
    }
    Map<String, String> stale = staleInvoices(tenant, time);
    List<TimeEntry> attached = new ArrayList<>();
    try {
      for (int i = 0; i < time.size(); i += CHUNK) {
        List<TimeEntry> chunk = time.subList(i, Math.min(time.size(), i + CHUNK));
        List<TransactWriteItem> writes = chunk.stream().map(line -> attach(draft.id(), line, stale.get(line.id()))).toList();
        if (!table.transactIfConditionsHold(writes)) {
          throw taken();
        }
        attached.addAll(chunk);
      }
      List<TransactWriteItem> last = new ArrayList<>();
      for (InvoiceLine line : draft.lines()) {
        switch (line.source()) {
          case InvoiceLine.Source.SubscriptionCharge c -> last.add(claim(tenant, chargeKey(tenant, c), draft.id(), Map.of(
              "from", s(c.from().toString()), "to", s(c.to().toString()), "subscriptionId", s(c.subscriptionId()))));
          case InvoiceLine.Source.Bundle b -> last.add(claim(tenant, bundleClaimKey(tenant, b.bundleId()), draft.id(),
              Map.of("bundleId", s(b.bundleId()))));
          default -> { }
        }
      }
      last.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(InvoiceItems.key(tenant, draft.id()))
          .updateExpression("SET complete = :t").conditionExpression("#state = :draft")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":draft", s(InvoiceState.DRAFT.wireName())))).build());
      for (int i = 0; i < last.size(); i += CHUNK) {
        if (!table.transactIfConditionsHold(last.subList(i, Math.min(last.size(), i + CHUNK)))) {
          throw taken();
        }
      }
    } catch (DomainException.Conflict | TransactionCanceledException e) {
      // Taken meanwhile, or a concurrent transaction on the same line: undo what this draft attached.
      releaseLines(tenant, draft.id(), attached);
      releaseClaims(draft);
      table.client().deleteItem(r -> r.tableName(table.name()).key(InvoiceItems.key(tenant, draft.id())));
      throw e instanceof DomainException.Conflict conflict ? conflict : taken();
    }
  }

  private static DomainException.Conflict taken() {
    return new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
        "Time, a subscription or a bundle of this period was invoiced or corrected meanwhile; nothing was drafted, try again");
  }

  /** Per line id, the invoice it still names though that invoice no longer holds it (credited or discarded). */
  private Map<String, String> staleInvoices(TenantId tenant, List<TimeEntry> time) {
    if (time.isEmpty()) {
      return Map.of();
    }
    LocalDate from = time.stream().map(TimeEntry::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = time.stream().map(TimeEntry::date).max(LocalDate::compareTo).orElseThrow();
    Map<String, String> stale = new HashMap<>();
    for (AttachedTime t : timeToInvoice(tenant, new Invoice.Supply(from, to))) {
      if (t.invoiceId().isPresent() && !t.held()) {
        stale.put(t.line().id(), t.invoiceId().get());
      }
    }
    return stale;
  }

  private TransactWriteItem attach(String invoiceId, TimeEntry line, String staleInvoice) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":id", s(invoiceId), ":ti", s(new InvoiceStatus.ToInvoice().wireName())));
    String condition = "invoiceStatus = :ti AND attribute_not_exists(invoiceId)";
    if (staleInvoice != null) {
      condition = "invoiceStatus = :ti AND invoiceId = :stale";
      values.put(":stale", s(staleInvoice));
    }
    String expression = condition;
    return TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(lineKey(line))
        .updateExpression("SET invoiceId = :id").conditionExpression(expression).expressionAttributeValues(values)).build();
  }

  /**
   * A claim item naming the invoice; one left by an invoice that no longer holds it (credited or
   * discarded) is taken over, conditional on it still naming that invoice. One a live invoice holds is 409.
   */
  private TransactWriteItem claim(TenantId tenant, Map<String, AttributeValue> key, String invoiceId,
      Map<String, AttributeValue> details) {
    var existing = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(key));
    if (existing.hasItem() && !existing.item().isEmpty() && holds(tenant, existing.item().get("invoiceId").s())) {
      throw taken();
    }
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.putAll(details);
    item.put("type", s("InvoiceClaim"));
    item.put("invoiceId", s(invoiceId));
    if (existing.hasItem() && !existing.item().isEmpty()) {
      String previous = existing.item().get("invoiceId").s();
      return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item).conditionExpression("invoiceId = :prev")
          .expressionAttributeValues(Map.of(":prev", s(previous)))).build();
    }
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  @Override
  public void updateDraft(Invoice next, Audit audit) {
    Map<String, AttributeValue> item = InvoiceItems.item(next);
    item.put("version", n(next.version() + 1));
    List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("#state = :draft AND #v = :v AND complete = :t")
        .expressionAttributeNames(Map.of("#state", "state", "#v", "version"))
        .expressionAttributeValues(Map.of(":draft", s(InvoiceState.DRAFT.wireName()), ":v", n(next.version()),
            ":t", AttributeValue.fromBool(true)))).build(), audit(next, audit));
    if (!table.transactIfConditionsHold(writes)) {
      throw moved();
    }
  }

  @Override
  public void discard(Invoice draft, Audit audit) {
    List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().delete(d -> d.tableName(table.name())
        .key(InvoiceItems.key(draft.tenant(), draft.id())).conditionExpression("#state = :draft AND #v = :v")
        .expressionAttributeNames(Map.of("#state", "state", "#v", "version"))
        .expressionAttributeValues(Map.of(":draft", s(InvoiceState.DRAFT.wireName()), ":v", n(draft.version())))).build(),
        audit(draft, audit));
    if (!table.transactIfConditionsHold(writes)) {
      throw moved();
    }
    release(draft);
  }

  private static DomainException.Conflict moved() {
    return new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
        "The invoice was changed meanwhile; reload it and try again");
  }

  @Override
  public void release(Invoice invoice) {
    List<TimeEntry> held = toInvoiceItems(invoice.tenant(), invoice.supply()).stream()
        .filter(i -> i.containsKey("invoiceId") && i.get("invoiceId").s().equals(invoice.id())).map(BillingItems::line).toList();
    releaseLines(invoice.tenant(), invoice.id(), held);
    releaseClaims(invoice);
  }

  /** Takes the invoice off each line that still names it; a line another call released already is left as it is. */
  private void releaseLines(TenantId tenant, String invoiceId, List<TimeEntry> lines) {
    for (TimeEntry line : lines) {
      try {
        table.client().updateItem(u -> u.tableName(table.name()).key(lineKey(line)).updateExpression("REMOVE invoiceId")
            .conditionExpression("invoiceId = :id").expressionAttributeValues(Map.of(":id", s(invoiceId))));
      } catch (ConditionalCheckFailedException e) {
        // Released before (a repeated credit or discard), or taken over by a later draft: nothing to undo.
        continue;
      }
    }
  }

  private void releaseClaims(Invoice invoice) {
    for (InvoiceLine line : invoice.lines()) {
      Optional<Map<String, AttributeValue>> key = switch (line.source()) {
        case InvoiceLine.Source.SubscriptionCharge c -> Optional.of(chargeKey(invoice.tenant(), c));
        case InvoiceLine.Source.Bundle b -> Optional.of(bundleClaimKey(invoice.tenant(), b.bundleId()));
        default -> Optional.empty();
      };
      if (key.isPresent()) {
        try {
          table.client().deleteItem(d -> d.tableName(table.name()).key(key.get()).conditionExpression("invoiceId = :id")
              .expressionAttributeValues(Map.of(":id", s(invoice.id()))));
        } catch (ConditionalCheckFailedException e) {
          // Released before, or never written (the draft failed before its claims): nothing to undo.
          continue;
        }
      }
    }
  }

  // ---- reading

  @Override
  public Optional<Invoice> find(TenantId tenant, String id) {
    if (!Invoice.ID.matcher(id).matches()) {
      return Optional.empty(); // no invoice has such an id (and an over-long one is no valid key)
    }
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(InvoiceItems.key(tenant, id)));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(InvoiceItems.invoice(answer.item())) : Optional.empty();
  }

  @Override
  public List<Invoice> list(TenantId tenant) {
    return table.client().queryPaginator(r -> r.tableName(table.name()).scanIndexForward(false)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.tenant(tenant)), ":p", s(BillingKeys.INVOICE_PREFIX))))
        .items().stream().map(InvoiceItems::invoice).toList();
  }

  // ---- numbering

  @Override
  public Invoice finalise(Invoice draft, int year, Function<InvoiceNumber, Invoice> finaliser, List<Notice> notices, Audit audit) {
    return numbered(year, number -> {
      Invoice fin = finaliser.apply(number);
      Map<String, AttributeValue> item = InvoiceItems.item(fin);
      item.put("version", n(draft.version() + 1));
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
          .conditionExpression("#state = :draft AND #v = :v")
          .expressionAttributeNames(Map.of("#state", "state", "#v", "version"))
          .expressionAttributeValues(Map.of(":draft", s(InvoiceState.DRAFT.wireName()), ":v", n(draft.version())))).build());
      writes.add(numberClaim(fin, number));
      writes.add(audit(fin, audit));
      notices.forEach(x -> writes.add(notice(x)));
      return new Numbered(fin, writes);
    });
  }

  @Override
  public Invoice credit(Invoice original, int year, Function<InvoiceNumber, Invoice> creditInvoice, List<Notice> notices,
      Audit audit) {
    return numbered(year, number -> {
      Invoice credit = creditInvoice.apply(number);
      Invoice credited = original.credited(new Invoice.Reference(credit.id(), number));
      Map<String, AttributeValue> item = InvoiceItems.item(credited);
      item.put("version", n(original.version() + 1));
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
          .conditionExpression("#state = :state AND #v = :v")
          .expressionAttributeNames(Map.of("#state", "state", "#v", "version"))
          .expressionAttributeValues(Map.of(":state", s(original.state().wireName()), ":v", n(original.version())))).build());
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(InvoiceItems.item(credit))
          .conditionExpression("attribute_not_exists(PK)")).build());
      writes.add(numberClaim(credit, number));
      writes.add(audit(original, audit));
      writes.add(audit(credit, audit));
      notices.forEach(x -> writes.add(notice(x)));
      return new Numbered(credit, writes);
    });
  }

  private record Numbered(Invoice invoice, List<TransactWriteItem> writes) {}

  /**
   * Runs the transaction {@code build} makes for the next number, with the counter's advance first:
   * when the counter moved (a concurrent finalisation), the counter is read again and the transaction
   * made again, with jittered back-off; when the invoice itself moved, 409.
   */
  private Invoice numbered(int year, Function<InvoiceNumber, Numbered> build) {
    Map<String, AttributeValue> counterKey = Map.of(Keys.PK, s("INVOICENUMBER#" + year), Keys.SK, s("COUNTER"));
    for (int attempt = 1; ; attempt++) {
      var counter = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(counterKey));
      long last = counter.hasItem() && !counter.item().isEmpty() ? Long.parseLong(counter.item().get("last").n()) : 0;
      InvoiceNumber number = new InvoiceNumber(year, Math.toIntExact(last + 1));
      Numbered numbered = build.apply(number);
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(TransactWriteItem.builder().update(u -> {
        u.tableName(table.name()).key(counterKey).updateExpression("SET #last = :next, #type = :type");
        if (last == 0) {
          u.conditionExpression("attribute_not_exists(#last)").expressionAttributeNames(Map.of("#last", "last", "#type", "type"))
              .expressionAttributeValues(Map.of(":next", n(1), ":type", s("InvoiceCounter")));
        } else {
          u.conditionExpression("#last = :seen").expressionAttributeNames(Map.of("#last", "last", "#type", "type"))
              .expressionAttributeValues(Map.of(":next", n(last + 1), ":seen", n(last), ":type", s("InvoiceCounter")));
        }
      }).build());
      writes.addAll(numbered.writes());
      try {
        table.client().transactWriteItems(r -> r.transactItems(writes));
        return numbered.invoice();
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
          throw moved();
        }
        // The counter moved (its condition failed) or a concurrent transaction touched it: read it again.
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
              "Many invoices are being numbered at once; try again");
        }
        backOff(attempt);
      }
    }
  }

  private TransactWriteItem numberClaim(Invoice invoice, InvoiceNumber number) {
    Map<String, AttributeValue> item = Map.of(Keys.PK, s("INVOICENUMBER#" + number.year()),
        Keys.SK, s("NUMBER#" + String.format("%05d", number.sequence())), "type", s("InvoiceNumber"),
        "tenantId", s(invoice.tenant().value()), "invoiceId", s(invoice.id()), "number", s(number.toString()));
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  private static void backOff(int attempt) {
    long ceiling = Math.min(100, 3L * attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while numbering an invoice", e);
    }
  }

  // ---- payment state and notices

  @Override
  public Invoice changeState(Invoice next, List<Notice> notices, Audit audit) {
    Map<String, AttributeValue> item = InvoiceItems.item(next);
    item.put("version", n(next.version() + 1));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
        .expressionAttributeValues(Map.of(":v", n(next.version())))).build());
    writes.add(audit(next, audit));
    notices.forEach(x -> writes.add(notice(x)));
    if (!table.transactIfConditionsHold(writes)) {
      throw moved();
    }
    return InvoiceItems.invoice(item);
  }

  private TransactWriteItem notice(Notice notice) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(InvoiceItems.own(notice.tenant(), notice.invoiceId())));
    item.put(Keys.SK, s("NOTICE#" + notice.kind()));
    item.put("type", s("InvoiceNotice"));
    item.put("tenantId", s(notice.tenant().value()));
    item.put("invoiceId", s(notice.invoiceId()));
    item.put("kind", s(notice.kind()));
    item.put("at", s(notice.due().toString()));
    item.put("DuePK", s(BillingKeys.DUE_INVOICES));
    item.put("DueSK", s(DynamoDbHourNotices.dueSort(notice.due(), notice.tenant(), notice.invoiceId() + "#" + notice.kind())));
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  @Override
  public List<Notice> due(Instant now) {
    return table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.DUE_INDEX)
            .keyConditionExpression("DuePK = :pk AND DueSK <= :now")
            .expressionAttributeValues(Map.of(":pk", s(BillingKeys.DUE_INVOICES),
                ":now", s(now.truncatedTo(ChronoUnit.SECONDS) + "#~"))))
        .items().stream().map(key -> table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
            .key(Map.of(Keys.PK, key.get(Keys.PK), Keys.SK, key.get(Keys.SK)))))
        .filter(answer -> answer.hasItem() && answer.item().containsKey("DuePK"))
        .map(answer -> new Notice(new TenantId(answer.item().get("tenantId").s()), answer.item().get("invoiceId").s(),
            answer.item().get("kind").s(), Instant.parse(answer.item().get("at").s())))
        .toList();
  }

  @Override
  public boolean done(Notice notice, Instant at) {
    try {
      table.client().updateItem(r -> r.tableName(table.name())
          .key(Map.of(Keys.PK, s(InvoiceItems.own(notice.tenant(), notice.invoiceId())), Keys.SK, s("NOTICE#" + notice.kind())))
          .updateExpression("REMOVE DuePK, DueSK SET handledAt = :at")
          .conditionExpression("attribute_exists(DuePK)")
          .expressionAttributeValues(Map.of(":at", s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  // ---- keys

  private TransactWriteItem audit(Invoice invoice, Audit audit) {
    Map<String, AttributeValue> item = BillingItems.audit(InvoiceItems.own(invoice.tenant(), invoice.id()), "InvoiceAudit", audit);
    return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)
        .conditionExpression("attribute_not_exists(PK)")).build();
  }

  private static Map<String, AttributeValue> lineKey(TimeEntry line) {
    return Map.of(Keys.PK, s(BillingKeys.month(line.tenant(), line.date())),
        Keys.SK, s(BillingKeys.entry(line.registrationId(), line.line())));
  }

  private static String subscriptionPartition(TenantId tenant, String subscriptionId) {
    return "TENANT#" + tenant.value() + "#SUBSCRIPTION#" + subscriptionId;
  }

  private static Map<String, AttributeValue> chargeKey(TenantId tenant, InvoiceLine.Source.SubscriptionCharge c) {
    return Map.of(Keys.PK, s(subscriptionPartition(tenant, c.subscriptionId())), Keys.SK, s("CHARGE#" + c.from() + "#" + c.to()));
  }

  private static Map<String, AttributeValue> bundleClaimKey(TenantId tenant, String bundleId) {
    return Map.of(Keys.PK, s(BillingKeys.bundleAudit(tenant, bundleId)), Keys.SK, s("INVOICED"));
  }
}
