package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * Replaces the involved persons of a ticket (PUT /tickets/{ticketId}/involved): other active users
 * of the same customer, who then see and follow it. The reporter, a customer admin or provider staff may.
 */
public final class ChangeInvolved {
  private final TicketAccess access;
  private final Clock clock;

  public ChangeInvolved(TicketAccess access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  public record InvolvedInput(List<String> involved, Long version) {}

  public Ticket execute(Caller caller, TicketRef ref, InvolvedInput input) {
    Validation v = new Validation();
    v.check(input.involved() != null, "involved", "required", "is required (an empty list removes everyone)");
    v.check(input.involved() == null || input.involved().size() <= Ticket.MAX_INVOLVED, "involved", "too-many",
        "must have at most " + Ticket.MAX_INVOLVED + " persons");
    v.check(input.version() != null, "version", "required", "is required (the version you read)");
    v.throwIfInvalid();
    Ticket current = access.visible(caller, ref);
    if (!(caller.role().isProviderStaff() || caller.role() == Role.CUSTOMER_ADMIN || current.reporter().equals(caller.userId()))) {
      throw new DomainException.Forbidden("Only the reporter, a customer admin or provider staff change who is involved");
    }
    Versions.require("Ticket " + ref, current.version(), input.version());
    List<UserId> involved = new ArrayList<>();
    for (int i = 0; i < input.involved().size(); i++) {
      String raw = input.involved().get(i);
      Optional<UserId> person = raw == null || raw.isBlank() || raw.length() > 128 ? Optional.empty()
          : access.activeMember(ref.tenant(), new UserId(raw)).map(p -> p.id());
      if (person.isEmpty()) {
        throw new DomainException.InvalidInput(List.of(new FieldError("involved[" + i + "]", "unknown",
            "is not an active user of this customer")));
      }
      if (!person.get().equals(current.reporter()) && !involved.contains(person.get())) {
        involved.add(person.get());
      }
    }
    Actor.Person actor = access.actor(caller);
    Instant now = clock.instant();
    Ticket next = current.withInvolved(involved, actor, now);
    access.tickets().save(new TicketChange(current, next, List.of(), List.of(TicketAudit.of(actor, now, "involved-changed",
        Map.of("involved", String.join(",", involved.stream().map(UserId::value).toList())))), Optional.empty()));
    return next;
  }
}
