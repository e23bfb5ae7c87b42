package nl.klantportaal.notifications.domain;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.TicketStatus;

/**
 * What a notification needs to know of a ticket ({@code PUB#TICKET}, docs/data-model.md "Ticket
 * items"): its key, token and title, who reported it, who is involved, who works it, and who made
 * the last change ({@code lastChangeBy}: a sub, or {@code system}), and whether it is a service
 * request waiting for its customer admin's approval.
 */
public record TicketSnapshot(TenantId tenant, long number, String token, String title, String description,
    TicketStatus status, UserId reporter, List<UserId> involved, Optional<UserId> assignee, String lastChangeBy,
    boolean awaitingApproval) {

  /** A ticket that waits for no approval. */
  public TicketSnapshot(TenantId tenant, long number, String token, String title, String description,
      TicketStatus status, UserId reporter, List<UserId> involved, Optional<UserId> assignee, String lastChangeBy) {
    this(tenant, number, token, title, description, status, reporter, involved, assignee, lastChangeBy, false);
  }

  public TicketSnapshot {
    involved = List.copyOf(involved);
    if (number < 1) {
      throw new IllegalArgumentException("Ticket number must be positive");
    }
    if (token == null || token.isBlank() || title == null || description == null || lastChangeBy == null || lastChangeBy.isBlank()) {
      throw new IllegalArgumentException("A ticket needs a token, a title, a description (may be empty) and lastChangeBy");
    }
  }
}
