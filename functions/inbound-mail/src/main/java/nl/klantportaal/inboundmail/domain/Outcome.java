package nl.klantportaal.inboundmail.domain;

import nl.klantportaal.ticketing.domain.TicketRef;

/** What became of a received message. {@link #kind()} is stable (logs, the ledger item, metrics). */
public sealed interface Outcome {

  String kind();

  /** Ticket token, reason or earlier outcome: what the ledger records beside the kind. */
  String detail();

  record Created(TicketRef ticket) implements Outcome {
    public String kind() { return "ticket-created"; }
    public String detail() { return ticket.token(); }
  }

  record Replied(TicketRef ticket) implements Outcome {
    public String kind() { return "reply-added"; }
    public String detail() { return ticket.token(); }
  }

  record Reopened(TicketRef ticket) implements Outcome {
    public String kind() { return "ticket-reopened"; }
    public String detail() { return ticket.token(); }
  }

  /** A reply to a closed ticket: a new ticket linked to it ({@code followUpOf}). */
  record FollowUp(TicketRef ticket, TicketRef of) implements Outcome {
    public String kind() { return "follow-up-created"; }
    public String detail() { return ticket.token() + " of " + of.token(); }
  }

  /** A machine's mail (auto-reply, bounce, list, our own): recorded, never answered. */
  record Machine(String reason) implements Outcome {
    public String kind() { return "machine"; }
    public String detail() { return reason; }
  }

  /** Kept for staff, no ticket, no reply. */
  record Held(String reason) implements Outcome {
    public String kind() { return "held"; }
    public String detail() { return reason; }
  }

  /** The same Message-ID was handled before. */
  record Duplicate(String earlier) implements Outcome {
    public String kind() { return "duplicate"; }
    public String detail() { return earlier; }
  }
}
