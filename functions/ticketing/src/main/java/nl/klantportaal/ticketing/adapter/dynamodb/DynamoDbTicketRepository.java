package nl.klantportaal.ticketing.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException.Conflict.Kind;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.CompanionWrite;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketHistory;
import nl.klantportaal.ticketing.port.TicketRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tickets in their own partitions (docs/data-model.md patterns 13–23, 31): every change is one
 * transaction of the versioned header, the appended messages and audit entries, and the side items
 * that place the ticket in views and on DueIndex.
 */
public final class DynamoDbTicketRepository implements TicketRepository, TicketHistory {
  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final PortalTable table;
  private final DynamoDbTable<TicketItem> tickets;
  private final DynamoDbTable<TicketMessageItem> messages;
  private final DynamoDbTable<TicketAuditItem> audits;
  private final DynamoDbTable<TicketSideItem> sides;
  private final DynamoDbTable<SingleUseItem> singleUses;
  private final DynamoDbTable<TicketWordItem> words;
  private final CompanionItems companions;

  /** {@code companions} writes what a companion context adds to a ticket's transaction (the SLA record). */
  public DynamoDbTicketRepository(PortalTable table, CompanionItems companions) {
    this.table = table;
    this.tickets = table.table(TicketItem.SCHEMA);
    this.messages = table.table(TicketMessageItem.SCHEMA);
    this.audits = table.table(TicketAuditItem.SCHEMA);
    this.sides = table.table(TicketSideItem.SCHEMA);
    this.singleUses = table.table(SingleUseItem.SCHEMA);
    this.words = table.table(TicketWordItem.SCHEMA);
    this.companions = companions;
  }

  /**
   * An atomic {@code ADD} on the customer's counter (pattern 13): two creates never get one number. It is
   * taken alongside the create's reads, so a create refused after it leaves a gap, never a duplicate.
   */
  @Override
  public TicketNumber nextNumber(TenantId tenant) {
    var response = table.client().updateItem(r -> r.tableName(table.name())
        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.tenant(tenant)), Keys.SK, AttributeValue.fromS(Keys.TICKET_COUNTER_SK)))
        .updateExpression("ADD #next :one SET #type = :type")
        .expressionAttributeNames(Map.of("#next", "next", "#type", "type"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":type", AttributeValue.fromS("Counter")))
        .returnValues(ReturnValue.UPDATED_NEW));
    return new TicketNumber(Long.parseLong(response.attributes().get("next").n()));
  }

  @Override
  public void create(Ticket ticket, List<TicketMessage> firstMessages, TicketAudit audit,
      Optional<CompanionWrite> companion) {
    var request = TransactWriteItemsEnhancedRequest.builder();
    request.addPutItem(tickets, TicketItem.from(ticket, Optional.empty()));
    ticket.involved().forEach(user -> request.addPutItem(sides, TicketSideItem.watch(ticket.ref(), user, ticket.createdAt())));
    if (ticket.approval() != nl.klantportaal.ticketing.domain.ApprovalState.NONE) {
      request.addPutItem(sides, TicketSideItem.approval(ticket, ticket.reporter().value(), ticket.createdAt()));
    }
    appendEntries(request, ticket.ref(), firstMessages, List.of(audit), Optional.empty());
    TicketWordItem.of(ticket).forEach(item -> request.addPutItem(words, item));
    companion.ifPresent(write -> companions.add(request, ticket.ref(), write));
    write(request, ticket.ref(), Kind.ALREADY_EXISTS);
  }

  @Override
  public Optional<Ticket> find(TicketRef ref) {
    TicketItem item = tickets.getItem(r -> r.key(headerKey(ref)).consistentRead(true));
    return Optional.ofNullable(item).map(TicketItem::toDomain);
  }

  /** Consistent, as {@link #find}: one BatchGetItem per 100 tickets. */
  @Override
  public Map<TicketRef, Ticket> findAll(Collection<TicketRef> refs) {
    Map<TicketRef, Ticket> found = new HashMap<>();
    table.batchGet(tickets, refs.stream().distinct().map(DynamoDbTicketRepository::headerKey).toList(), true)
        .forEach(item -> {
          Ticket ticket = item.toDomain();
          found.put(ticket.ref(), ticket);
        });
    return found;
  }

  @Override
  public void save(TicketChange change) {
    Ticket previous = change.previous();
    Ticket next = change.next();
    TicketRef ref = next.ref();
    var request = TransactWriteItemsEnhancedRequest.builder();
    boolean statusMoved = previous.status() != next.status();
    boolean publicMessage = change.messages().stream().anyMatch(m -> !m.internal());
    TicketItem header = TicketItem.from(next, Optional.of(previous.version()));
    header.statusMailedWithMessage = statusMoved && publicMessage ? Boolean.TRUE : null;
    request.addPutItem(tickets, header);
    for (UserId added : next.involved()) {
      if (!previous.involved().contains(added)) {
        request.addPutItem(sides, TicketSideItem.watch(ref, added, next.updatedAt()));
      }
    }
    for (UserId removed : previous.involved()) {
      if (!next.involved().contains(removed)) {
        request.addDeleteItem(sides, Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(Keys.watch(removed)).build());
      }
    }
    if (previous.approval() != next.approval()) {
      request.addPutItem(sides, TicketSideItem.approval(next, next.lastChange().by(), next.updatedAt()));
    }
    boolean wasResolved = previous.status() == TicketStatus.RESOLVED;
    boolean isResolved = next.status() == TicketStatus.RESOLVED;
    if (isResolved && !wasResolved) {
      Instant dueAt = change.autoCloseAt()
          .orElseThrow(() -> new IllegalArgumentException("A resolved ticket needs its auto-close time"));
      request.addPutItem(sides, TicketSideItem.autoClose(ref, dueAt));
    } else if (wasResolved && !isResolved) {
      request.addDeleteItem(sides, Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(Keys.AUTO_CLOSE_SK).build());
    }
    appendEntries(request, ref, change.messages(), change.audit(), statusMoved
        ? Optional.of(new TicketMessageItem.StatusMove(previous.status(), next.status())) : Optional.empty());
    change.companion().ifPresent(write -> companions.add(request, ref, write));
    change.singleUse().ifPresent(use -> request.addPutItem(singleUses, TransactPutItemEnhancedRequest.builder(SingleUseItem.class)
        .item(SingleUseItem.of(use, next.updatedAt())).conditionExpression(ABSENT).build()));
    write(request, ref, Kind.VERSION);
  }

  private void appendEntries(TransactWriteItemsEnhancedRequest.Builder request, TicketRef ref, List<TicketMessage> newMessages,
      List<TicketAudit> newAudit, Optional<TicketMessageItem.StatusMove> move) {
    for (TicketMessage message : newMessages) {
      request.addPutItem(messages, TransactPutItemEnhancedRequest.builder(TicketMessageItem.class)
          .item(TicketMessageItem.from(message, move)).conditionExpression(ABSENT).build());
    }
    for (TicketAudit entry : newAudit) {
      request.addPutItem(audits, TransactPutItemEnhancedRequest.builder(TicketAuditItem.class)
          .item(TicketAuditItem.from(ref, entry)).conditionExpression(ABSENT).build());
    }
  }

  /** The header is always the transaction's first action; a failed condition there is the caller's conflict. */
  private void write(TransactWriteItemsEnhancedRequest.Builder request, TicketRef ref, Kind kind) {
    try {
      table.enhanced().transactWriteItems(request.build());
    } catch (TransactionCanceledException e) {
      var reasons = e.cancellationReasons();
      if (reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
        throw new DomainException.Conflict(kind, kind == Kind.VERSION
            ? "Ticket " + ref + " was changed by someone else; reload it and try again"
            : "Ticket " + ref + " exists already");
      }
      throw e;
    }
  }

  @Override
  public Optional<TicketThread> thread(TicketRef ref, boolean withStaffItems) {
    var request = QueryRequest.builder().tableName(table.name()).consistentRead(true);
    if (withStaffItems) {
      request.keyConditionExpression("PK = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.ticket(ref))));
    } else {
      request.keyConditionExpression("PK = :pk AND begins_with(SK, :pub)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.ticket(ref)),
              ":pub", AttributeValue.fromS(Keys.PUBLIC_PREFIX)));
    }
    Ticket ticket = null;
    List<TicketMessage> conversation = new ArrayList<>();
    List<TicketAudit> audit = new ArrayList<>();
    List<nl.klantportaal.ticketing.domain.TicketAttachment> attachments = new ArrayList<>();
    Optional<nl.klantportaal.ticketing.domain.TicketRating> rating = Optional.empty();
    for (Map<String, AttributeValue> item : table.client().queryPaginator(request.build()).items()) {
      String type = Optional.ofNullable(item.get("type")).map(AttributeValue::s).orElse("");
      switch (type) {
        case "Ticket" -> ticket = TicketItem.SCHEMA.mapToItem(item).toDomain();
        case "Message", "Note" -> conversation.add(TicketMessageItem.SCHEMA.mapToItem(item).toDomain());
        case "TicketAudit" -> audit.add(TicketAuditItem.SCHEMA.mapToItem(item).toDomain());
        case "Attachment" -> attachments.add(DynamoDbAttachmentRepository.fromThreadItem(item));
        case "Rating" -> rating = Optional.of(DynamoDbTicketRatings.rating(item));
        default -> { } // watch, approval and due items are already reflected in the header
      }
    }
    if (ticket == null) {
      return Optional.empty();
    }
    conversation.sort(java.util.Comparator.comparing(TicketMessage::at).thenComparing(TicketMessage::id));
    attachments.sort(java.util.Comparator.comparing(nl.klantportaal.ticketing.domain.TicketAttachment::at)
        .thenComparing(nl.klantportaal.ticketing.domain.TicketAttachment::id));
    return Optional.of(new TicketThread(ticket, conversation, audit, attachments, rating));
  }

  @Override
  public Page<Ticket> list(TicketQuery query, PageRequest page) {
    Optional<Expression> filter = filterOf(query.filter());
    return switch (query) {
      case TicketQuery.Reported q -> headers(scope("reported", Keys.GSI1, Keys.GSI1PK,
          Keys.reporterTickets(q.tenant(), q.reporter())), page, false, filter);
      case TicketQuery.Organisation q -> q.sort() == Sort.UPDATED
          ? headers(scope("organisation-by-update", Keys.GSI2, Keys.GSI2PK, Keys.tenantTickets(q.tenant())), page, false, filter)
          : headers(scope("organisation-by-creation", Keys.GSI5, Keys.GSI5PK, Keys.tenantTickets(q.tenant())), page, false, filter);
      case TicketQuery.ByStatus q -> q.sort() == Sort.UPDATED
          ? headers(scope("status-by-update", Keys.GSI3, Keys.GSI3PK, TicketKeys.statusQueue(q.status())), page, false, filter)
          : headers(scope("status-by-creation", Keys.GSI6, Keys.GSI6PK, TicketKeys.statusQueue(q.status())), page, true, filter);
      case TicketQuery.ByAssignee q ->
          headers(scope("assignee", Keys.GSI4, Keys.GSI4PK, Keys.assigneeQueue(q.assignee())), page, false, filter);
      case TicketQuery.Shared q -> viaSideItems(scope("shared", Keys.GSI1, Keys.GSI1PK,
          Keys.watcherTickets(q.tenant(), q.watcher())), page, q.filter());
      case TicketQuery.PendingApproval q -> viaSideItems(scope("pending-approval", Keys.GSI1, Keys.GSI1PK,
          Keys.pendingApprovals(q.tenant())), page, q.filter());
    };
  }

  @Override
  public Page<Ticket> searchTitles(TitleSearch search, PageRequest page) {
    String name = "title-search:" + String.join(" ", search.words());
    CursorCodec.QueryScope scope = search.tenant()
        .map(t -> scope(name, "table", Keys.PK, Keys.ticketWord(t, search.lookup())))
        .orElseGet(() -> scope(name, Keys.GSI3, Keys.GSI3PK, Keys.wordTickets(search.lookup())));
    Page<TicketWordItem> index = table.queryPage(TicketWordItem.SCHEMA, scope, page, false, Optional.empty());
    List<TicketRef> matching = index.items().stream()
        .filter(item -> nl.klantportaal.ticketing.domain.TitleWords.matchesAll(item.words(), search.words()))
        .map(TicketWordItem::ref).toList();
    if (matching.isEmpty()) {
      return new Page<>(List.of(), index.nextCursor());
    }
    Map<TicketRef, Ticket> found = new HashMap<>();
    table.batchGet(tickets, matching.stream().map(DynamoDbTicketRepository::headerKey).toList(), false)
        .forEach(item -> {
          Ticket ticket = item.toDomain();
          found.put(ticket.ref(), ticket);
        });
    return new Page<>(matching.stream().filter(found::containsKey).map(found::get).toList(), index.nextCursor());
  }

  @Override
  public List<Ticket> withNumber(TicketNumber number) {
    List<TicketRef> refs = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.GSI3)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", Keys.GSI3PK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.numberTickets(number.value())))))
        .items().forEach(item -> refs.add(TicketWordItem.SCHEMA.mapToItem(item).ref()));
    Map<TicketRef, Ticket> found = findAll(refs);
    return refs.stream().filter(found::containsKey).map(found::get).toList();
  }

  @Override
  public void createdUntil(TenantId tenant, Instant until, java.util.function.Consumer<Ticket> each) {
    table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.GSI5)
            .keyConditionExpression("#pk = :pk AND #sk <= :until")
            .expressionAttributeNames(Map.of("#pk", Keys.GSI5PK, "#sk", Keys.GSI5SK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenantTickets(tenant)),
                ":until", AttributeValue.fromS(until + "#~"))))
        .items().forEach(item -> each.accept(TicketItem.SCHEMA.mapToItem(item).toDomain()));
  }

  private static CursorCodec.QueryScope scope(String name, String index, String pkAttribute, String pkValue) {
    return new CursorCodec.QueryScope(name, index, pkAttribute, pkValue);
  }

  private Page<Ticket> headers(CursorCodec.QueryScope scope, PageRequest page, boolean ascending, Optional<Expression> filter) {
    return table.queryPage(TicketItem.SCHEMA, scope, page, ascending, filter).map(TicketItem::toDomain);
  }

  /** A page of side items (watch, approval), then their tickets in one BatchGetItem; filters apply to the tickets. */
  private Page<Ticket> viaSideItems(CursorCodec.QueryScope scope, PageRequest page, Filter filter) {
    Page<TicketSideItem> side = table.queryPage(TicketSideItem.SCHEMA, scope, page, false, Optional.empty());
    if (side.items().isEmpty()) {
      return new Page<>(List.of(), side.nextCursor());
    }
    Map<String, Ticket> byKey = new HashMap<>();
    List<Key> keys = side.items().stream().map(i -> Key.builder().partitionValue(i.pk).sortValue(Keys.TICKET_SK).build()).toList();
    table.batchGet(tickets, keys, false).forEach(item -> byKey.put(item.pk, item.toDomain()));
    Map<String, Ticket> ordered = new LinkedHashMap<>();
    for (TicketSideItem item : side.items()) {
      Ticket ticket = byKey.get(item.pk);
      if (ticket != null && filter.priority().map(ticket.priority()::equals).orElse(true)
          && filter.category().map(ticket.category()::equals).orElse(true)) {
        ordered.put(item.pk, ticket);
      }
    }
    return new Page<>(List.copyOf(ordered.values()), side.nextCursor());
  }

  private static Optional<Expression> filterOf(Filter filter) {
    List<String> clauses = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    filter.priority().ifPresent(p -> {
      clauses.add("#priority = :priority");
      names.put("#priority", "priority");
      values.put(":priority", AttributeValue.fromS(p.wireName()));
    });
    filter.category().ifPresent(c -> {
      clauses.add("#category = :category");
      names.put("#category", "category");
      values.put(":category", AttributeValue.fromS(c));
    });
    if (clauses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Expression.builder().expression(String.join(" AND ", clauses))
        .expressionNames(names).expressionValues(values).build());
  }

  @Override
  public int dueShards() {
    return Keys.DUE_SHARDS;
  }

  @Override
  public DuePage due(int shard, Instant now, int limit, Optional<String> after) {
    var response = table.client().query(r -> {
      r.tableName(table.name()).indexName(Keys.DUE_INDEX)
          .keyConditionExpression("#pk = :shard AND #sk <= :now")
          .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#sk", Keys.DUE_SK))
          .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(Keys.dueShard(shard)),
              ":now", AttributeValue.fromS(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "#~")))
          .limit(limit);
      after.ifPresent(position -> r.exclusiveStartKey(dueStartKey(shard, position)));
    });
    Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? Optional.of(duePosition(response.lastEvaluatedKey())) : Optional.empty();
    return new DuePage(response.items().stream().map(DynamoDbTicketRepository::dueEntry).toList(), response.scannedCount(),
        next);
  }

  /** A DueIndex position as {@code <DueSK>\n<PK>\n<SK>} (the shard is the query's own). */
  private static String duePosition(Map<String, AttributeValue> key) {
    return key.get(Keys.DUE_SK).s() + "\n" + key.get(Keys.PK).s() + "\n" + key.get(Keys.SK).s();
  }

  private static Map<String, AttributeValue> dueStartKey(int shard, String position) {
    String[] p = position.split("\n", 3);
    if (p.length != 3) {
      throw new IllegalArgumentException("Not a DueIndex position: " + position);
    }
    return Map.of(Keys.DUE_PK, AttributeValue.fromS(Keys.dueShard(shard)), Keys.DUE_SK, AttributeValue.fromS(p[0]),
        Keys.PK, AttributeValue.fromS(p[1]), Keys.SK, AttributeValue.fromS(p[2]));
  }

  /**
   * {@code DueSK = <at>#<kind>#<t>#<n8>}; DueIndex projects keys only, so everything is read from it
   * and from the item's own sort key (an SLA event's target).
   */
  private static DueEntry dueEntry(Map<String, AttributeValue> keys) {
    String[] parts = keys.get(Keys.DUE_SK).s().split("#");
    Optional<String> target = Keys.slaDueTarget(keys.get(Keys.SK).s());
    return new DueEntry(parts[1], new TicketRef(new TenantId(parts[2]), new TicketNumber(Long.parseLong(parts[3]))),
        Instant.parse(parts[0]), target);
  }

  private static Key headerKey(TicketRef ref) {
    return Key.builder().partitionValue(TicketKeys.ticket(ref)).sortValue(Keys.TICKET_SK).build();
  }
}
