package nl.klantportaal.sla.domain;

import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketStatus;

/**
 * The SLA events one ticket change means, derived from the ticket before and after and the messages
 * written with it. Pure: the same change always gives the same events, in this order.
 *
 * <ul>
 *   <li>a public reply by provider staff → {@link SlaEvent.PublicAgentReply} (the first meets the response target);
 *   <li>→ waiting for customer → {@link SlaEvent.WaitingForCustomer};
 *   <li>waiting → open (the customer answered, or staff resumed) → {@link SlaEvent.CustomerAnswered};
 *   <li>→ resolved → {@link SlaEvent.PublicAgentReply} and {@link SlaEvent.Resolved}: the solution is the
 *       provider's answer, so a ticket resolved without an earlier reply has its response met too;
 *   <li>resolved → open (the customer rejected the solution) → {@link SlaEvent.Reopened};
 *   <li>closed without being resolved (a rejected approval) → {@link SlaEvent.Resolved}: nothing is left to do;
 *   <li>another priority → {@link SlaEvent.PriorityChanged};
 *   <li>a pending approval granted → {@link SlaEvent.Approved} (the clocks start; rejected, the request
 *       closes: {@link SlaEvent.Resolved}).
 * </ul>
 */
public final class SlaEvents {

  private SlaEvents() {}

  /** The first event of a ticket's timeline: its creation with its customer's tier terms at that moment. */
  public static SlaEvent.Created created(Ticket ticket, SlaTerms terms) {
    return new SlaEvent.Created(ticket.createdAt(), ticket.priority(), terms);
  }

  /**
   * A new ticket's timeline: {@link #created}, and for a service request that needs its customer
   * admin's approval {@link SlaEvent.AwaitingApproval} at the same instant.
   */
  public static List<SlaEvent> opening(Ticket ticket, SlaTerms terms) {
    return ticket.approval() == ApprovalState.PENDING
        ? List.of(created(ticket, terms), new SlaEvent.AwaitingApproval(ticket.createdAt()))
        : List.of(created(ticket, terms));
  }

  public static List<SlaEvent> of(Ticket previous, Ticket next, List<TicketMessage> messages) {
    List<SlaEvent> events = new ArrayList<>();
    var at = next.updatedAt();
    for (TicketMessage message : messages) {
      if (!message.internal() && message.side() == AuthorSide.PROVIDER) {
        events.add(new SlaEvent.PublicAgentReply(message.at()));
      }
    }
    if (previous.approval() == ApprovalState.PENDING && next.approval() == ApprovalState.APPROVED) {
      events.add(new SlaEvent.Approved(at));
    }
    if (next.priority() != previous.priority()) {
      events.add(new SlaEvent.PriorityChanged(at, next.priority()));
    }
    TicketStatus from = previous.status();
    TicketStatus to = next.status();
    if (from != to) {
      switch (to) {
        case WAITING_FOR_CUSTOMER -> events.add(new SlaEvent.WaitingForCustomer(at));
        case OPEN -> {
          if (from == TicketStatus.WAITING_FOR_CUSTOMER) {
            events.add(new SlaEvent.CustomerAnswered(at));
          } else if (from == TicketStatus.RESOLVED) {
            events.add(new SlaEvent.Reopened(at));
          }
        }
        case RESOLVED -> {
          events.add(new SlaEvent.PublicAgentReply(at));
          events.add(new SlaEvent.Resolved(at));
        }
        case CLOSED -> {
          if (from != TicketStatus.RESOLVED) {
            events.add(new SlaEvent.Resolved(at));
          }
        }
        case NEW -> { }
      }
    }
    return events;
  }
}
