package nl.klantportaal.ticketing.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * A ticket as the API answers it. {@code id} is the token used in URLs and mail subjects. The
 * assignee is shown to provider staff only.
 */
public record TicketView(String id, long number, String customerId, String type, String category, String priority,
    String title, String description, Person reporter, List<String> involved, String source, String status,
    Optional<String> assigneeId, Optional<String> requestType, Map<String, String> answers, String approval,
    Optional<String> followUpOf, Instant createdAt, Instant updatedAt, Optional<Instant> resolvedAt,
    Optional<Instant> closedAt, long version, Optional<NextDeadline> nextDeadline) {

  public record Person(String id, String name) {}

  /**
   * For provider staff's queues: the ticket's nearest SLA deadline not met yet ({@code target} response or
   * resolution) and how it stands: {@code running}, {@code paused}, {@code at-risk} (past its warning) or
   * {@code breached}. Added by the SLA context (QueueDeadlines); empty in every other answer.
   */
  public record NextDeadline(String target, Instant dueAt, String state) {}

  public TicketView withNextDeadline(Optional<NextDeadline> deadline) {
    return new TicketView(id, number, customerId, type, category, priority, title, description, reporter, involved, source,
        status, assigneeId, requestType, answers, approval, followUpOf, createdAt, updatedAt, resolvedAt, closedAt, version,
        deadline);
  }

  public static TicketView of(Ticket t, boolean forStaff) {
    return new TicketView(t.ref().token(), t.ref().number().value(), t.ref().tenant().value(), t.type().wireName(),
        t.category(), t.priority().wireName(), t.title(), t.description(),
        new Person(t.reporter().value(), t.reporterName()), t.involved().stream().map(UserId::value).toList(),
        t.source().wireName(), t.status().wireName(), forStaff ? t.assignee().map(UserId::value) : Optional.empty(),
        t.requestType(), t.answers(), t.approval().wireName(),
        t.followUpOf().map(n -> new TicketRef(t.ref().tenant(), n).token()), t.createdAt(), t.updatedAt(),
        t.resolvedAt(), t.closedAt(), t.version(), Optional.empty());
  }
}
