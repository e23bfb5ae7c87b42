package nl.klantportaal.ticketing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException.Conflict.Kind;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * A ticket or service request: what the customer asked, who may see it, and where it is in its
 * life. Every change answers a new ticket with {@code version + 1}; the repository stores it only
 * if the stored version is the one this change started from.
 */
public record Ticket(
    TicketRef ref,
    TicketType type,
    String category,
    Priority priority,
    String title,
    String description,
    UserId reporter,
    String reporterName,
    List<UserId> involved,
    TicketSource source,
    TicketStatus status,
    Optional<UserId> assignee,
    Optional<String> requestType,
    Map<String, String> answers,
    ApprovalState approval,
    Optional<TicketNumber> followUpOf,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    List<TicketStep> steps,
    LastChange lastChange,
    long version) {

  /** At most this many involved persons on one ticket (each is an item in the ticket's partition). */
  public static final int MAX_INVOLVED = 20;

  /** Who made the latest change and what kind it was; the notifications function reads both. */
  public record LastChange(String by, String kind) {}

  public Ticket {
    involved = List.copyOf(involved);
    steps = List.copyOf(steps);
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    if (involved.contains(reporter)) {
      throw new IllegalArgumentException("The reporter is not also an involved person");
    }
    if (involved.size() > MAX_INVOLVED) {
      throw new IllegalArgumentException("At most " + MAX_INVOLVED + " involved persons");
    }
  }

  /**
   * A new ticket as its creator submits it. {@code approval}: {@code NONE} when no approval applies,
   * {@code PENDING} when a customer admin must decide, {@code APPROVED} for a request that needs approval
   * raised by a customer admin, whose raising it is the approval.
   */
  public static Ticket create(TicketRef ref, TicketType type, String category, Priority priority, String title,
      String description, Actor.Person reporter, List<UserId> involved, TicketSource source,
      Optional<String> requestType, Map<String, String> answers, ApprovalState approval,
      Optional<TicketNumber> followUpOf, Actor creator, Instant at) {
    if (approval == ApprovalState.REJECTED) {
      throw new IllegalArgumentException("A ticket is not created rejected");
    }
    return new Ticket(ref, type, category, priority, title, description, reporter.userId(), reporter.name(), involved,
        source, TicketStatus.NEW, Optional.empty(), requestType, answers, approval, followUpOf, at, at, Optional.empty(),
        Optional.empty(), List.of(new TicketStep(at, TicketStatus.NEW, priority, category)), new LastChange(creator.id(), "created"),
        1);
  }

  /**
   * Provider staff see every ticket; a customer-admin every ticket of its own customer; a
   * customer-user the tickets it reported or is involved in. Everyone else must not learn that
   * the ticket exists (404).
   */
  public boolean visibleTo(Caller caller) {
    if (caller.role().isProviderStaff()) {
      return true;
    }
    if (caller.tenant().filter(ref.tenant()::equals).isEmpty()) {
      return false;
    }
    return caller.role() == Role.CUSTOMER_ADMIN || isReporterOrInvolved(caller.userId());
  }

  public boolean isReporterOrInvolved(UserId user) {
    return reporter.equals(user) || involved.contains(user);
  }

  /** A status change asked for by a person (the provider, or the customer accepting or rejecting). */
  public Ticket apply(TicketAction action, Actor.Person actor, Instant at) {
    boolean providerSide = actor.isStaff();
    if ((action.side() == TicketAction.Side.PROVIDER) != providerSide) {
      throw new DomainException.Forbidden("Only the " + action.side().name().toLowerCase(java.util.Locale.ROOT)
          + " may " + action.wireName() + " a ticket");
    }
    if (approval == ApprovalState.PENDING) {
      throw new DomainException.Conflict(Kind.ILLEGAL_STATE,
          "Ticket " + ref + " waits for the customer's approval before work starts");
    }
    if (!action.leavesFrom(status)) {
      throw new DomainException.Conflict(Kind.ILLEGAL_STATE,
          "A " + status.wireName() + " ticket cannot " + action.wireName());
    }
    return moveTo(action.to(), actor, action.wireName(), at);
  }

  /** Closes a resolved ticket the customer left alone for {@code after}; empty if it is not due (yet). */
  public Optional<Ticket> autoClose(Duration after, Instant now) {
    if (status != TicketStatus.RESOLVED || resolvedAt.isEmpty() || resolvedAt.get().plus(after).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(moveTo(TicketStatus.CLOSED, new Actor.System(), "auto-close", now));
  }

  /**
   * The status after a public reply: a customer answering a ticket that waits for it puts it back
   * to work; the provider's first answer to a new ticket opens it. A closed ticket takes no more
   * messages: the customer creates a follow-up.
   */
  public Ticket afterPublicReply(Actor.Person author, Instant at) {
    requireNotClosed();
    if (!author.isStaff() && status == TicketStatus.WAITING_FOR_CUSTOMER) {
      return moveTo(TicketStatus.OPEN, author, "customer-replied", at);
    }
    if (author.isStaff() && status == TicketStatus.NEW && approval != ApprovalState.PENDING) {
      return moveTo(TicketStatus.OPEN, author, "provider-replied", at);
    }
    return touched(author, author.isStaff() ? "provider-replied" : "customer-replied", at);
  }

  /** The SLA's waiting policy reminded the customer: audited, version and update time move on. */
  public Ticket customerReminded(Instant at) {
    requireNotClosed();
    return touched(new Actor.System(), "sla-reminder", at);
  }

  /** The SLA's waiting policy lowers the priority one step after unanswered reminders. */
  public Ticket priorityDropped(Instant at) {
    requireNotClosed();
    return with(status, approval, assignee, priority.lower(), category, involved, resolvedAt, closedAt,
        new LastChange(Actor.System.ID, "priority-dropped"), at);
  }

  /** An internal note changes nothing the customer sees, but the ticket's version and update time. */
  public Ticket afterInternalNote(Actor.Person author, Instant at) {
    requireNotClosed();
    return touched(author, "internal-note", at);
  }

  /** A customer admin approves or rejects a service request; rejection closes it. */
  public Ticket decideApproval(boolean approve, Actor.Person admin, Instant at) {
    if (approval != ApprovalState.PENDING) {
      throw new DomainException.Conflict(Kind.ILLEGAL_STATE, "Ticket " + ref + " has no pending approval");
    }
    if (approve) {
      return with(status, ApprovalState.APPROVED, assignee, priority, category, involved, resolvedAt, closedAt,
          new LastChange(admin.id(), "approved"), at);
    }
    // One change, one version step: rejected and closed together.
    return with(TicketStatus.CLOSED, ApprovalState.REJECTED, assignee, priority, category, involved, resolvedAt,
        Optional.of(at), new LastChange(admin.id(), "approval-rejected"), at);
  }

  /** Staff triage: priority, category and assignee. */
  public Ticket triage(Priority newPriority, String newCategory, Optional<UserId> newAssignee, Actor.Person staff,
      Instant at) {
    requireNotClosed();
    return with(status, approval, newAssignee, newPriority, newCategory, involved, resolvedAt, closedAt,
        new LastChange(staff.id(), "triaged"), at);
  }

  public Ticket withInvolved(List<UserId> next, Actor.Person by, Instant at) {
    requireNotClosed();
    return with(status, approval, assignee, priority, category, next, resolvedAt, closedAt,
        new LastChange(by.id(), "involved-changed"), at);
  }

  /** A follow-up may only be made of a closed ticket; open ones take a reply instead. */
  public void requireClosedForFollowUp() {
    if (status != TicketStatus.CLOSED) {
      throw new DomainException.Conflict(Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is not closed: reply to it instead of creating a follow-up");
    }
  }

  private void requireNotClosed() {
    if (status == TicketStatus.CLOSED) {
      throw new DomainException.Conflict(Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is closed: create a follow-up ticket instead");
    }
  }

  private Ticket moveTo(TicketStatus next, Actor actor, String kind, Instant at) {
    Optional<Instant> resolved = next == TicketStatus.RESOLVED ? Optional.of(at)
        : next == TicketStatus.CLOSED ? resolvedAt : Optional.empty();
    Optional<Instant> closed = next == TicketStatus.CLOSED ? Optional.of(at) : Optional.empty();
    return with(next, approval, assignee, priority, category, involved, resolved, closed, new LastChange(actor.id(), kind), at);
  }

  private Ticket touched(Actor actor, String kind, Instant at) {
    return with(status, approval, assignee, priority, category, involved, resolvedAt, closedAt,
        new LastChange(actor.id(), kind), at);
  }

  private Ticket with(TicketStatus nextStatus, ApprovalState nextApproval, Optional<UserId> nextAssignee,
      Priority nextPriority, String nextCategory, List<UserId> nextInvolved, Optional<Instant> nextResolved,
      Optional<Instant> nextClosed, LastChange change, Instant at) {
    return new Ticket(ref, type, nextCategory, nextPriority, title, description, reporter, reporterName, nextInvolved,
        source, nextStatus, nextAssignee, requestType, answers, nextApproval, followUpOf, createdAt, at, nextResolved,
        nextClosed, TicketStep.append(steps, new TicketStep(at, nextStatus, nextPriority, nextCategory)), change, version + 1);
  }
}
