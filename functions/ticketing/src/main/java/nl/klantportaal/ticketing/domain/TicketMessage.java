package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import nl.klantportaal.core.claims.UserId;

/**
 * One entry of a ticket's conversation, never changed once written. Internal notes are provider
 * staff's alone: no customer response, list, export or mail contains them.
 */
public record TicketMessage(String id, TicketRef ticket, UserId author, String authorName, AuthorSide side,
    String body, boolean internal, TicketSource source, Instant at) {

  /** Longest message body (the API's JSON body limit is 256 KiB; this leaves room for the rest). */
  public static final int MAX_BODY = 20_000;

  public TicketMessage {
    if (body.isBlank() || body.length() > MAX_BODY) {
      throw new IllegalArgumentException("A message body is 1.." + MAX_BODY + " characters");
    }
    if (internal && side != AuthorSide.PROVIDER) {
      throw new IllegalArgumentException("Only provider staff write internal notes");
    }
  }

  /** A new message by {@code author}, on the provider's side when the author is staff. */
  public static TicketMessage by(Actor.Person author, TicketRef ticket, String body, boolean internal, TicketSource source,
      Instant at) {
    return new TicketMessage(java.util.UUID.randomUUID().toString(), ticket, author.userId(), author.name(),
        author.isStaff() ? AuthorSide.PROVIDER : AuthorSide.CUSTOMER, body, internal, source, at);
  }
}
