package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Attributes;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.indexKey;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.number;
import static nl.klantportaal.core.adapter.dynamodb.Attributes.string;

import java.time.Instant;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The small items that place a ticket in someone's view or on a schedule: a watch item per
 * involved person ({@code PUB#WATCH#<sub>}, "shared with me"), the approval item while a customer
 * admin must decide ({@code PUB#APPROVAL}), and the auto-close entry on DueIndex
 * ({@code STAFF#DUE#AUTO_CLOSE}). Each points back at its ticket by tenant and number.
 */
public final class TicketSideItem {
  String pk;
  String sk;
  String type;
  String gsi1pk;
  String gsi1sk;
  String duePk;
  String dueSk;
  String tenantId;
  Long number;
  String userId;
  String state;
  String at;

  public static final TableSchema<TicketSideItem> SCHEMA;

  static {
    StaticTableSchema.Builder<TicketSideItem> b =
        StaticTableSchema.builder(TicketSideItem.class).newItemSupplier(TicketSideItem::new);
    Attributes.key(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    string(b, "type", i -> i.type, (i, v) -> i.type = v);
    indexKey(b, Keys.GSI1, Keys.GSI1PK, false, i -> i.gsi1pk, (i, v) -> i.gsi1pk = v);
    indexKey(b, Keys.GSI1, Keys.GSI1SK, true, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v);
    indexKey(b, Keys.DUE_INDEX, Keys.DUE_PK, false, i -> i.duePk, (i, v) -> i.duePk = v);
    indexKey(b, Keys.DUE_INDEX, Keys.DUE_SK, true, i -> i.dueSk, (i, v) -> i.dueSk = v);
    string(b, "tenantId", i -> i.tenantId, (i, v) -> i.tenantId = v);
    number(b, "number", i -> i.number, (i, v) -> i.number = v);
    string(b, "userId", i -> i.userId, (i, v) -> i.userId = v);
    string(b, "state", i -> i.state, (i, v) -> i.state = v);
    string(b, "at", i -> i.at, (i, v) -> i.at = v);
    SCHEMA = b.build();
  }

  private static TicketSideItem of(TicketRef ref, String sk, String type, String at) {
    TicketSideItem i = new TicketSideItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = sk;
    i.type = type;
    i.tenantId = ref.tenant().value();
    i.number = ref.number().value();
    i.at = at;
    return i;
  }

  static TicketSideItem watch(TicketRef ref, UserId user, Instant at) {
    TicketSideItem i = of(ref, Keys.watch(user), "Watch", at.toString());
    i.userId = user.value();
    i.gsi1pk = Keys.watcherTickets(ref.tenant(), user);
    i.gsi1sk = TicketKeys.atTicket(at.toString(), ref);
    return i;
  }

  /** The approval item; in the customer's pending-approvals view only while the decision is pending. */
  static TicketSideItem approval(Ticket ticket, String decidedBy, Instant at) {
    TicketSideItem i = of(ticket.ref(), Keys.APPROVAL_SK, "Approval", at.toString());
    i.state = ticket.approval().wireName();
    if (ticket.approval() == ApprovalState.PENDING) {
      i.gsi1pk = Keys.pendingApprovals(ticket.ref().tenant());
      i.gsi1sk = TicketKeys.atTicket(ticket.createdAt().toString(), ticket.ref());
    } else {
      i.userId = decidedBy;
    }
    return i;
  }

  /**
   * A timed event of the ticket on DueIndex, the tickets' own (auto-close) or a companion's (the
   * SLA's pending events): item {@code sk}, {@code DueSK = <at, whole seconds>#<kind>#<t>#<n8>} in the
   * ticket's shard.
   */
  public static TicketSideItem due(TicketRef ref, String sk, String type, String kind, Instant dueAt) {
    TicketSideItem i = of(ref, sk, type, dueAt.toString());
    i.duePk = TicketKeys.dueShard(ref);
    i.dueSk = TicketKeys.due(dueAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), kind, ref);
    return i;
  }

  static TicketSideItem autoClose(TicketRef ref, Instant dueAt) {
    return due(ref, Keys.AUTO_CLOSE_SK, "Due", "AUTO_CLOSE", dueAt);
  }

}
