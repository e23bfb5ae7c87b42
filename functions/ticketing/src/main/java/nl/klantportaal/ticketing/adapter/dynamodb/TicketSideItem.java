package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

import java.time.Instant;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

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

  public static final TableSchema<TicketSideItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<TicketSideItem> {
    Schema() {
      super(TicketSideItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.DUE_INDEX, Keys.DUE_PK)
          .indexSortKey(Keys.DUE_INDEX, Keys.DUE_SK), new TicketSideItem());
    }

    @Override
    protected void write(TicketSideItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", i.type)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.DUE_PK, i.duePk)
          .string(Keys.DUE_SK, i.dueSk)
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .string("userId", i.userId)
          .string("state", i.state)
          .string("at", i.at);
    }

    @Override
    protected TicketSideItem read(In in) {
      TicketSideItem i = new TicketSideItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.type = in.string("type");
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.duePk = in.string(Keys.DUE_PK);
      i.dueSk = in.string(Keys.DUE_SK);
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.userId = in.string("userId");
      i.state = in.string("state");
      i.at = in.string("at");
      return i;
    }
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
