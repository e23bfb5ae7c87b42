package nl.klantportaal.inboundmail.port;

import java.time.Instant;

/** The polite reply to a sender the portal does not know, or not yet: at most one per address and day. */
public interface SenderReplies {
  /** Replies to {@code address} unless it was answered on {@code now}'s day already; whether a reply went out. */
  boolean replyOncePerDay(String address, Instant now);

  /**
   * Tells the sender whose mail to a closed ticket became a follow-up ticket, once per message
   * ({@code messageId}), in their language; whether it went out now.
   */
  boolean followUpCreated(String messageId, FollowUp followUp);

  /**
   * Tells the sender whose mail became a new ticket its number, once per message ({@code messageId}), in
   * their language, with the ticket's token in the subject so that a reply to it lands on the ticket;
   * whether it went out now.
   */
  boolean ticketReceived(String messageId, Received received);

  /** Who wrote, and the ticket their mail became. */
  record Received(nl.klantportaal.core.claims.TenantId tenant, nl.klantportaal.core.claims.UserId sender, String address,
      String name, nl.klantportaal.core.shared.domain.Language language, nl.klantportaal.ticketing.domain.TicketRef ticket,
      String title) {}

  /** Who wrote, and the tickets: the closed one and the new one that refers to it. */
  record FollowUp(nl.klantportaal.core.claims.TenantId tenant, nl.klantportaal.core.claims.UserId sender, String address, String name,
      nl.klantportaal.core.shared.domain.Language language, nl.klantportaal.ticketing.domain.TicketRef closed,
      nl.klantportaal.ticketing.domain.TicketRef created, String title) {}
}
