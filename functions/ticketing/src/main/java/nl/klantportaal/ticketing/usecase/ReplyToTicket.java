package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * Appends a public reply or (provider staff only) an internal note. Appending needs no version from
 * the caller: a concurrent change of the ticket is met by reading it again, a few times at most.
 */
public final class ReplyToTicket {
  private static final int ATTEMPTS = 3;
  private final TicketAccess access;
  private final Clock clock;

  public ReplyToTicket(TicketAccess access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  public record ReplyInput(String body, Boolean internal) {}

  public TicketMessage execute(Caller caller, TicketRef ref, ReplyInput input, TicketSource source) {
    Validation v = new Validation();
    String body = v.requiredMultilineText("body", input.body(), TicketMessage.MAX_BODY).orElse("");
    boolean internal = Boolean.TRUE.equals(input.internal());
    v.throwIfInvalid();
    TicketAccess.Visit visit = access.visibleWithActor(caller, ref);
    Actor.Person author = visit.actor();
    if (internal && !author.isStaff()) {
      throw new DomainException.Forbidden("Only provider staff write internal notes");
    }
    Ticket current = visit.ticket();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        current = access.visible(caller, ref);
      }
      Instant now = clock.instant();
      TicketMessage message = TicketMessage.by(author, ref, body, internal, source, now);
      Ticket next = internal ? current.afterInternalNote(author, now) : current.afterPublicReply(author, now);
      List<TicketAudit> audit = List.of(TicketAudit.of(author, now, internal ? "internal-note" : "public-reply",
          statusChange(current, next, message.id())));
      try {
        access.tickets().save(new TicketChange(current, next, List.of(message), audit, java.util.Optional.empty()));
        return message;
      } catch (DomainException.Conflict e) {
        if (e.kind() != DomainException.Conflict.Kind.VERSION || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static Map<String, String> statusChange(Ticket before, Ticket after, String messageId) {
    return before.status() == after.status()
        ? Map.of("messageId", messageId)
        : Map.of("messageId", messageId, "from", before.status().wireName(), "to", after.status().wireName());
  }
}
