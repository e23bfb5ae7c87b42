package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;

/**
 * The single table's key strings of ticket items, from the tickets' own types; the strings
 * themselves are built by the kernel's {@link Keys}, the one map of the table (docs/data-model.md).
 */
public final class TicketKeys {
  private TicketKeys() {}

  /** {@code TENANT#<t>#TICKET#<n8>}: every item of one ticket. */
  public static String ticket(TicketRef ref) {
    return Keys.ticket(ref.tenant(), ref.number().value());
  }

  /** {@code <at>#<n8>}: a customer's ticket views sort by a time, then number. */
  public static String atTicket(String at, TicketRef ref) {
    return at + "#" + ref.number().padded();
  }

  /** {@code <at>#<t>#<n8>}: provider queues hold every customer's tickets. */
  public static String atTenantTicket(String at, TicketRef ref) {
    return at + "#" + ref.tenant().value() + "#" + ref.number().padded();
  }

  public static String statusQueue(TicketStatus status) {
    return "QUEUE#STATUS#" + status.wireName();
  }

  /** The DueIndex partition of a ticket's timed events: a stable hash of the ticket, mod the shard count. */
  public static String dueShard(TicketRef ref) {
    return Keys.dueShard(Math.floorMod(ref.token().hashCode(), Keys.DUE_SHARDS));
  }

  /** A timed event's DueIndex sort key: {@code <at>#<kind>#<t>#<n8>}. */
  public static String due(String at, String kind, TicketRef ref) {
    return at + "#" + kind + "#" + ref.tenant().value() + "#" + ref.number().padded();
  }
}
