package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

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

  static final TableSchema<TicketItem> SCHEMA = new Schema();

  private static final class Schema extends ItemSchema<TicketItem> {
    Schema() {
      super(TicketItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK).indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.GSI2, Keys.GSI2PK).indexSortKey(Keys.GSI2, Keys.GSI2SK)
          .indexPartitionKey(Keys.GSI3, Keys.GSI3PK).indexSortKey(Keys.GSI3, Keys.GSI3SK)
          .indexPartitionKey(Keys.GSI4, Keys.GSI4PK).indexSortKey(Keys.GSI4, Keys.GSI4SK)
          .indexPartitionKey(Keys.GSI5, Keys.GSI5PK).indexSortKey(Keys.GSI5, Keys.GSI5SK)
          .indexPartitionKey(Keys.GSI6, Keys.GSI6PK).indexSortKey(Keys.GSI6, Keys.GSI6SK)
          .version("version"), new TicketItem());
    }

    @Override
    protected void write(TicketItem i, Out out) {
      out.string(Keys.PK, i.pk).string(Keys.SK, i.sk)
          .string(Keys.GSI1PK, i.gsi1pk).string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.GSI2PK, i.gsi2pk).string(Keys.GSI2SK, i.gsi2sk)
          .string(Keys.GSI3PK, i.gsi3pk).string(Keys.GSI3SK, i.gsi3sk)
          .string(Keys.GSI4PK, i.gsi4pk).string(Keys.GSI4SK, i.gsi4sk)
          .string(Keys.GSI5PK, i.gsi5pk).string(Keys.GSI5SK, i.gsi5sk)
          .string(Keys.GSI6PK, i.gsi6pk).string(Keys.GSI6SK, i.gsi6sk)
          .string("type", "Ticket")
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .string("token", i.token)
          .string("ticketType", i.ticketType)
          .string("category", i.category)
          .string("priority", i.priority)
          .string("title", i.title)
          .string("description", i.description)
          .string("reporterId", i.reporterId)
          .string("reporterName", i.reporterName)
          .strings("involved", i.involved)
          .strings("steps", i.steps)
          .string("source", i.source)
          .string("status", i.status)
          .string("assigneeId", i.assigneeId)
          .string("requestTypeId", i.requestTypeId)
          .stringMap("answers", i.answers)
          .strings("answerOrder", i.answerOrder)
          .string("approval", i.approval)
          .number("followUpOf", i.followUpOf)
          .string("createdAt", i.createdAt)
          .string("updatedAt", i.updatedAt)
          .string("resolvedAt", i.resolvedAt)
          .string("closedAt", i.closedAt)
          .string("lastChangeBy", i.lastChangeBy)
          .string("lastChangeKind", i.lastChangeKind)
          .bool("statusMailedWithMessage", i.statusMailedWithMessage)
          .number("version", i.version);
    }

    @Override
    protected TicketItem read(In in) {
      TicketItem i = new TicketItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.gsi2pk = in.string(Keys.GSI2PK);
      i.gsi2sk = in.string(Keys.GSI2SK);
      i.gsi3pk = in.string(Keys.GSI3PK);
      i.gsi3sk = in.string(Keys.GSI3SK);
      i.gsi4pk = in.string(Keys.GSI4PK);
      i.gsi4sk = in.string(Keys.GSI4SK);
      i.gsi5pk = in.string(Keys.GSI5PK);
      i.gsi5sk = in.string(Keys.GSI5SK);
      i.gsi6pk = in.string(Keys.GSI6PK);
      i.gsi6sk = in.string(Keys.GSI6SK);
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.token = in.string("token");
      i.ticketType = in.string("ticketType");
      i.category = in.string("category");
      i.priority = in.string("priority");
      i.title = in.string("title");
      i.description = in.string("description");
      i.reporterId = in.string("reporterId");
      i.reporterName = in.string("reporterName");
      i.involved = in.strings("involved");
      i.steps = in.strings("steps");
      i.source = in.string("source");
      i.status = in.string("status");
      i.assigneeId = in.string("assigneeId");
      i.requestTypeId = in.string("requestTypeId");
      i.answers = in.stringMap("answers");
      i.answerOrder = in.strings("answerOrder");
      i.approval = in.string("approval");
      i.followUpOf = in.number("followUpOf");
      i.createdAt = in.string("createdAt");
      i.updatedAt = in.string("updatedAt");
      i.resolvedAt = in.string("resolvedAt");
      i.closedAt = in.string("closedAt");
      i.lastChangeBy = in.string("lastChangeBy");
      i.lastChangeKind = in.string("lastChangeKind");
      i.statusMailedWithMessage = in.bool("statusMailedWithMessage");
      i.version = in.number("version");
      return i;
    }
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
