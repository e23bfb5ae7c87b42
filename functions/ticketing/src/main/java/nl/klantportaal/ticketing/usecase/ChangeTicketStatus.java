package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.SingleUses;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;

/**
 * Moves a ticket through its life (POST /tickets/{ticketId}/transitions). The provider opens, asks
 * the customer, resumes and resolves; the customer accepts a solution or rejects it with a reason,
 * which is added to the conversation. Resolving schedules the auto-close.
 */
public final class ChangeTicketStatus {
  private final TicketAccess access;
  private final Clock clock;
  private final Duration autoCloseAfter;

  public ChangeTicketStatus(TicketAccess access, Clock clock, Duration autoCloseAfter) {
    this.access = access;
    this.clock = clock;
    this.autoCloseAfter = autoCloseAfter;
  }

  /** {@code message}: the solution (resolve), the question (wait-for-customer) or the reason (reject, required). */
  public record TransitionInput(String action, String message, Long version) {}

  public Ticket execute(Caller caller, TicketRef ref, TransitionInput input) {
    return execute(caller, ref, input, TicketSource.PORTAL);
  }

  /** The same, with the message arriving through {@code channel} (a rejection by e-mail reply). */
  public Ticket execute(Caller caller, TicketRef ref, TransitionInput input, TicketSource channel) {
    return execute(caller, ref, input, channel, Optional.empty());
  }

  /**
   * The same, taking {@code use} in the change's transaction (a mail link: the change happens at most
   * once for it). The audit entry names the channel when it is not the portal.
   */
  public Ticket execute(Caller caller, TicketRef ref, TransitionInput input, TicketSource channel,
      Optional<SingleUses.SingleUse> use) {
    Validation v = new Validation();
    TicketAction action = v.requiredEnum("action", input.action(), TicketAction.values(), TicketAction::wireName).orElse(null);
    Optional<String> message = action == TicketAction.REJECT
        ? v.requiredMultilineText("message", input.message(), TicketMessage.MAX_BODY)
        : v.optionalMultilineText("message", input.message(), TicketMessage.MAX_BODY);
    v.check(input.version() != null, "version", "required", "is required (the version you read)");
    v.throwIfInvalid();
    TicketAccess.Visit visit = access.visibleWithActor(caller, ref);
    Ticket current = visit.ticket();
    Versions.require("Ticket " + ref, current.version(), input.version());
    Actor.Person actor = visit.actor();
    Instant now = clock.instant();
    Ticket next = current.apply(action, actor, now);
    List<TicketMessage> messages = new ArrayList<>();
    message.ifPresent(text -> messages.add(TicketMessage.by(actor, ref, text, false, channel, now)));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", current.status().wireName());
    details.put("to", next.status().wireName());
    Optional<Instant> autoCloseAt = next.status() == TicketStatus.RESOLVED ? Optional.of(now.plus(autoCloseAfter)) : Optional.empty();
    autoCloseAt.ifPresent(at -> details.put("autoCloseAt", at.toString()));
    if (channel != TicketSource.PORTAL) {
      details.put("via", channel.wireName());
    }
    TicketChange change = new TicketChange(current, next, messages,
        List.of(TicketAudit.of(actor, now, action.wireName(), details)), autoCloseAt);
    access.tickets().save(use.map(change::withSingleUse).orElse(change));
    return next;
  }
}
