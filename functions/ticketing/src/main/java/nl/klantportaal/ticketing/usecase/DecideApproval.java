package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * A customer admin approves a service request, so the provider may start, or rejects it with a
 * reason (the request is then closed) — POST /tickets/{ticketId}/approval.
 */
public final class DecideApproval {
  private final TicketAccess access;
  private final Clock clock;

  public DecideApproval(TicketAccess access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  public enum Decision implements nl.klantportaal.core.shared.domain.WireEnum {
    APPROVE("approve"), REJECT("reject");

    private final String wireName;

    Decision(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public record ApprovalInput(String decision, String reason, Long version) {}

  public Ticket execute(Caller caller, TicketRef ref, ApprovalInput input) {
    Validation v = new Validation();
    Decision decision = v.requiredEnum("decision", input.decision(), Decision.values(), Decision::wireName).orElse(null);
    Optional<String> reason = decision == Decision.REJECT
        ? v.requiredMultilineText("reason", input.reason(), TicketMessage.MAX_BODY)
        : v.optionalMultilineText("reason", input.reason(), TicketMessage.MAX_BODY);
    v.check(input.version() != null, "version", "required", "is required (the version you read)");
    v.throwIfInvalid();
    Ticket current = access.visible(caller, ref);
    Versions.require("Ticket " + ref, current.version(), input.version());
    Actor.Person admin = access.actor(caller);
    Instant now = clock.instant();
    Ticket next = current.decideApproval(decision == Decision.APPROVE, admin, now);
    List<TicketMessage> messages = new ArrayList<>();
    reason.ifPresent(text -> messages.add(TicketMessage.by(admin, ref, text, false, TicketSource.PORTAL, now)));
    access.tickets().save(new TicketChange(current, next, messages, List.of(TicketAudit.of(admin, now,
        decision == Decision.APPROVE ? "approved" : "approval-rejected", Map.of())), Optional.empty()));
    return next;
  }
}
