package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.indexKey;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.stringMap;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.strings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.domain.TicketStep;
import nl.klantportaal.ticketing.domain.TicketType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A ticket's header item, {@code TENANT#<t>#TICKET#<n8> / PUB#TICKET}, in all six ticket views
 * (docs/data-model.md patterns 16–22). Its attribute names are the contract with the
 * notifications function, which reads them from the stream.
 */
final class TicketItem {
  String pk;
  String sk;
  String gsi1pk;
  String gsi1sk;
  String gsi2pk;
  String gsi2sk;
  String gsi3pk;
  String gsi3sk;
  String gsi4pk;
  String gsi4sk;
  String gsi5pk;
  String gsi5sk;
  String gsi6pk;
  String gsi6sk;
  String tenantId;
  Long number;
  String token;
  String ticketType;
  String category;
  String priority;
  String title;
  String description;
  String reporterId;
  String reporterName;
  List<String> involved;
  List<String> steps;
  String source;
  String status;
  String assigneeId;
  String requestTypeId;
  Map<String, String> answers;
  List<String> answerOrder;
  String approval;
  Long followUpOf;
  String createdAt;
  String updatedAt;
  String resolvedAt;
  String closedAt;
  String lastChangeBy;
  String lastChangeKind;
  /** True when this change moved the status and wrote a public message, whose mail announces both. */
  Boolean statusMailedWithMessage;
  Long version;

  static final TableSchema<TicketItem> SCHEMA;

  static {
    StaticTableSchema.Builder<TicketItem> b = StaticTableSchema.builder(TicketItem.class).newItemSupplier(TicketItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    indexKey(b, Keys.GSI1, Keys.GSI1PK, false, i -> i.gsi1pk, (i, v) -> i.gsi1pk = v);
    indexKey(b, Keys.GSI1, Keys.GSI1SK, true, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v);
    indexKey(b, Keys.GSI2, Keys.GSI2PK, false, i -> i.gsi2pk, (i, v) -> i.gsi2pk = v);
    indexKey(b, Keys.GSI2, Keys.GSI2SK, true, i -> i.gsi2sk, (i, v) -> i.gsi2sk = v);
    indexKey(b, Keys.GSI3, Keys.GSI3PK, false, i -> i.gsi3pk, (i, v) -> i.gsi3pk = v);
    indexKey(b, Keys.GSI3, Keys.GSI3SK, true, i -> i.gsi3sk, (i, v) -> i.gsi3sk = v);
    indexKey(b, Keys.GSI4, Keys.GSI4PK, false, i -> i.gsi4pk, (i, v) -> i.gsi4pk = v);
    indexKey(b, Keys.GSI4, Keys.GSI4SK, true, i -> i.gsi4sk, (i, v) -> i.gsi4sk = v);
    indexKey(b, Keys.GSI5, Keys.GSI5PK, false, i -> i.gsi5pk, (i, v) -> i.gsi5pk = v);
    indexKey(b, Keys.GSI5, Keys.GSI5SK, true, i -> i.gsi5sk, (i, v) -> i.gsi5sk = v);
    indexKey(b, Keys.GSI6, Keys.GSI6PK, false, i -> i.gsi6pk, (i, v) -> i.gsi6pk = v);
    indexKey(b, Keys.GSI6, Keys.GSI6SK, true, i -> i.gsi6sk, (i, v) -> i.gsi6sk = v);
    Attributes.type(b, "Ticket");
    string(b, "tenantId", i -> i.tenantId, (i, v) -> i.tenantId = v);
    number(b, "number", i -> i.number, (i, v) -> i.number = v);
    string(b, "token", i -> i.token, (i, v) -> i.token = v);
    string(b, "ticketType", i -> i.ticketType, (i, v) -> i.ticketType = v);
    string(b, "category", i -> i.category, (i, v) -> i.category = v);
    string(b, "priority", i -> i.priority, (i, v) -> i.priority = v);
    string(b, "title", i -> i.title, (i, v) -> i.title = v);
    string(b, "description", i -> i.description, (i, v) -> i.description = v);
    string(b, "reporterId", i -> i.reporterId, (i, v) -> i.reporterId = v);
    string(b, "reporterName", i -> i.reporterName, (i, v) -> i.reporterName = v);
    strings(b, "involved", i -> i.involved, (i, v) -> i.involved = v);
    strings(b, "steps", i -> i.steps, (i, v) -> i.steps = v);
    string(b, "source", i -> i.source, (i, v) -> i.source = v);
    string(b, "status", i -> i.status, (i, v) -> i.status = v);
    string(b, "assigneeId", i -> i.assigneeId, (i, v) -> i.assigneeId = v);
    string(b, "requestTypeId", i -> i.requestTypeId, (i, v) -> i.requestTypeId = v);
    stringMap(b, "answers", i -> i.answers, (i, v) -> i.answers = v);
    strings(b, "answerOrder", i -> i.answerOrder, (i, v) -> i.answerOrder = v);
    string(b, "approval", i -> i.approval, (i, v) -> i.approval = v);
    number(b, "followUpOf", i -> i.followUpOf, (i, v) -> i.followUpOf = v);
    string(b, "createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v);
    string(b, "updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v);
    string(b, "resolvedAt", i -> i.resolvedAt, (i, v) -> i.resolvedAt = v);
    string(b, "closedAt", i -> i.closedAt, (i, v) -> i.closedAt = v);
    string(b, "lastChangeBy", i -> i.lastChangeBy, (i, v) -> i.lastChangeBy = v);
    string(b, "lastChangeKind", i -> i.lastChangeKind, (i, v) -> i.lastChangeKind = v);
    b.addAttribute(Boolean.class, a -> a.name("statusMailedWithMessage").getter(i -> i.statusMailedWithMessage)
        .setter((i, v) -> i.statusMailedWithMessage = v));
    b.addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v)
        .tags(VersionedRecordExtension.AttributeTags.versionAttribute()));
    SCHEMA = b.build();
  }

  /** The item to write; {@code storedVersion} is empty for a new ticket (the write then requires absence). */
  static TicketItem from(Ticket t, Optional<Long> storedVersion) {
    TicketRef ref = t.ref();
    String updated = t.updatedAt().toString();
    String created = t.createdAt().toString();
    TicketItem i = new TicketItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = Keys.TICKET_SK;
    i.gsi1pk = Keys.reporterTickets(ref.tenant(), t.reporter());
    i.gsi1sk = TicketKeys.atTicket(updated, ref);
    i.gsi2pk = Keys.tenantTickets(ref.tenant());
    i.gsi2sk = TicketKeys.atTicket(updated, ref);
    i.gsi3pk = TicketKeys.statusQueue(t.status());
    i.gsi3sk = TicketKeys.atTenantTicket(updated, ref);
    if (t.status() != TicketStatus.CLOSED) {
      i.gsi4pk = Keys.assigneeQueue(t.assignee());
      i.gsi4sk = TicketKeys.atTenantTicket(updated, ref);
    }
    i.gsi5pk = Keys.tenantTickets(ref.tenant());
    i.gsi5sk = TicketKeys.atTicket(created, ref);
    i.gsi6pk = TicketKeys.statusQueue(t.status());
    i.gsi6sk = TicketKeys.atTenantTicket(created, ref);
    i.tenantId = ref.tenant().value();
    i.number = ref.number().value();
    i.token = ref.token();
    i.ticketType = t.type().wireName();
    i.category = t.category();
    i.priority = t.priority().wireName();
    i.title = t.title();
    i.description = t.description();
    i.reporterId = t.reporter().value();
    i.reporterName = t.reporterName();
    i.involved = t.involved().stream().map(UserId::value).toList();
    i.steps = t.steps().stream().map(TicketStep::encode).toList();
    i.source = t.source().wireName();
    i.status = t.status().wireName();
    i.assigneeId = t.assignee().map(UserId::value).orElse(null);
    i.requestTypeId = t.requestType().orElse(null);
    i.answers = t.answers().isEmpty() ? null : t.answers();
    i.answerOrder = t.answers().isEmpty() ? null : List.copyOf(t.answers().keySet());
    i.approval = t.approval().wireName();
    i.followUpOf = t.followUpOf().map(TicketNumber::value).orElse(null);
    i.createdAt = created;
    i.updatedAt = updated;
    i.resolvedAt = t.resolvedAt().map(Instant::toString).orElse(null);
    i.closedAt = t.closedAt().map(Instant::toString).orElse(null);
    i.lastChangeBy = t.lastChange().by();
    i.lastChangeKind = t.lastChange().kind();
    i.version = storedVersion.orElse(null);
    return i;
  }

  Ticket toDomain() {
    Map<String, String> ordered = new LinkedHashMap<>();
    if (answers != null) {
      (answerOrder == null ? List.copyOf(answers.keySet()) : answerOrder).forEach(k -> ordered.put(k, answers.get(k)));
    }
    return new Ticket(
        new TicketRef(new TenantId(tenantId), new TicketNumber(number)),
        WireEnum.parse(TicketType.class, ticketType),
        category,
        WireEnum.parse(Priority.class, priority),
        title,
        description,
        new UserId(reporterId),
        reporterName,
        involved == null ? List.of() : involved.stream().map(UserId::new).toList(),
        WireEnum.parse(TicketSource.class, source),
        WireEnum.parse(TicketStatus.class, status),
        Optional.ofNullable(assigneeId).map(UserId::new),
        Optional.ofNullable(requestTypeId),
        ordered,
        WireEnum.parse(ApprovalState.class, approval),
        Optional.ofNullable(followUpOf).map(TicketNumber::new),
        Instant.parse(createdAt),
        Instant.parse(updatedAt),
        Optional.ofNullable(resolvedAt).map(Instant::parse),
        Optional.ofNullable(closedAt).map(Instant::parse),
        steps == null ? stepsOfAnOlderItem() : steps.stream().map(TicketStep::decode).toList(),
        new Ticket.LastChange(lastChangeBy, lastChangeKind),
        version);
  }

  /**
   * An item written before tickets kept their steps: raised (as new), resolved and closed at its
   * stored times, with its present priority and category (what it was between them is not known).
   */
  private List<TicketStep> stepsOfAnOlderItem() {
    Priority p = WireEnum.parse(Priority.class, priority);
    List<TicketStep> known = new java.util.ArrayList<>();
    known.add(new TicketStep(Instant.parse(createdAt), TicketStatus.NEW, p, category));
    Optional.ofNullable(resolvedAt).map(Instant::parse)
        .ifPresent(at -> known.add(new TicketStep(at, TicketStatus.RESOLVED, p, category)));
    Optional.ofNullable(closedAt).map(Instant::parse)
        .ifPresent(at -> known.add(new TicketStep(at, TicketStatus.CLOSED, p, category)));
    TicketStatus now = WireEnum.parse(TicketStatus.class, status);
    if (known.getLast().status() != now) {
      known.add(new TicketStep(Instant.parse(updatedAt), now, p, category));
    }
    return known;
  }
}
