package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * Provider staff set a ticket's priority, category and assignee (PATCH /tickets/{ticketId}).
 * Absent fields stay as they are; {@code "assigneeId": ""} unassigns.
 */
public final class TriageTicket {
  private final TicketAccess access;
  private final CatalogueRepository catalogue;
  private final Clock clock;

  public TriageTicket(TicketAccess access, CatalogueRepository catalogue, Clock clock) {
    this.access = access;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public record TriageInput(String priority, String category, String assigneeId, Long version) {}

  public Ticket execute(Caller caller, TicketRef ref, TriageInput input) {
    Validation v = new Validation();
    Optional<Priority> priority = v.optionalEnum("priority", input.priority(), Priority.values(), Priority::wireName);
    Optional<String> category = v.optionalText("category", input.category(), 40);
    category.ifPresent(c -> v.check(catalogue.loadKnowing(k -> k.activeCategory(c).isPresent()).activeCategory(c).isPresent(), "category", "one-of",
        "is not an active category"));
    v.check(input.assigneeId() == null || input.assigneeId().length() <= 128, "assigneeId", "too-long",
        "is not a user id");
    v.check(input.version() != null, "version", "required", "is required (the version you read)");
    v.check(input.priority() != null || input.category() != null || input.assigneeId() != null, "priority", "required",
        "name at least one of priority, category, assigneeId");
    v.throwIfInvalid();
    Optional<UserId> assignee = Optional.empty();
    if (input.assigneeId() != null && !input.assigneeId().isBlank()) {
      assignee = Optional.of(access.activeStaff(new UserId(input.assigneeId())).orElseThrow(() ->
          new DomainException.InvalidInput(List.of(new FieldError("assigneeId", "unknown", "is not an active agent"))))
          .id());
    }
    Ticket current = access.visible(caller, ref);
    Versions.require("Ticket " + ref, current.version(), input.version());
    Actor.Person actor = access.actor(caller);
    Instant now = clock.instant();
    Optional<UserId> nextAssignee = input.assigneeId() == null ? current.assignee() : assignee;
    Ticket next = current.triage(priority.orElse(current.priority()), category.orElse(current.category()), nextAssignee,
        actor, now);
    Map<String, String> details = new LinkedHashMap<>();
    if (next.priority() != current.priority()) {
      details.put("priority", current.priority().wireName() + " → " + next.priority().wireName());
    }
    if (!next.category().equals(current.category())) {
      details.put("category", current.category() + " → " + next.category());
    }
    if (!next.assignee().equals(current.assignee())) {
      details.put("assignee", current.assignee().map(UserId::value).orElse("none") + " → "
          + next.assignee().map(UserId::value).orElse("none"));
    }
    access.tickets().save(new TicketChange(current, next, List.of(), List.of(TicketAudit.of(actor, now, "triaged", details)),
        Optional.empty()));
    return next;
  }
}
