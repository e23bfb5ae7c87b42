package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import nl.klantportaal.core.claims.UserId;

/**
 * A one-click action in a ticket mail, for one recipient: {@code id} makes it single-use (its use is
 * taken once, in the action's own transaction), {@code expiresAt} short-lived. The link is the
 * recipient's authority, so it names them; it is signed by {@link MailLinkSigner}.
 */
public record MailLink(String id, TicketRef ticket, MailLinkAction action, UserId recipient, Instant expiresAt) {
  public MailLink {
    if (!id.matches("[A-Za-z0-9_-]{16,64}")) {
      throw new IllegalArgumentException("A mail link id is 16 to 64 base64url characters");
    }
  }
}
