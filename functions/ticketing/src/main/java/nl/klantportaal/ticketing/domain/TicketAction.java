package nl.klantportaal.ticketing.domain;

import java.util.EnumSet;
import java.util.Set;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * The status changes a person asks for, each with the states it leaves from, the state it leads
 * to and who may ask for it. Everything not listed here is an illegal transition (409).
 */
public enum TicketAction implements WireEnum {
  /** The provider picks the ticket up. */
  OPEN("open", EnumSet.of(TicketStatus.NEW), TicketStatus.OPEN, Side.PROVIDER),
  /** The provider needs something from the customer; the SLA clock pauses. */
  WAIT_FOR_CUSTOMER("wait-for-customer", EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN),
      TicketStatus.WAITING_FOR_CUSTOMER, Side.PROVIDER),
  /** Back to work without a customer reply (a customer reply does this by itself). */
  RESUME("resume", EnumSet.of(TicketStatus.WAITING_FOR_CUSTOMER), TicketStatus.OPEN, Side.PROVIDER),
  /** The provider proposes a solution; the customer accepts or rejects it, or it closes by itself. */
  RESOLVE("resolve", EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_FOR_CUSTOMER),
      TicketStatus.RESOLVED, Side.PROVIDER),
  /** The customer accepts the solution. */
  ACCEPT("accept", EnumSet.of(TicketStatus.RESOLVED), TicketStatus.CLOSED, Side.CUSTOMER),
  /** The customer rejects the solution, with a reason; the ticket is open again. */
  REJECT("reject", EnumSet.of(TicketStatus.RESOLVED), TicketStatus.OPEN, Side.CUSTOMER);

  public enum Side { PROVIDER, CUSTOMER }

  private final String wireName;
  private final Set<TicketStatus> from;
  private final TicketStatus to;
  private final Side side;

  TicketAction(String wireName, Set<TicketStatus> from, TicketStatus to, Side side) {
    this.wireName = wireName;
    this.from = from;
    this.to = to;
    this.side = side;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public boolean leavesFrom(TicketStatus status) {
    return from.contains(status);
  }

  public TicketStatus to() {
    return to;
  }

  public Side side() {
    return side;
  }
}
