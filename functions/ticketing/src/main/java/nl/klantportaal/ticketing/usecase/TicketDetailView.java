package nl.klantportaal.ticketing.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.port.TicketRepository.TicketThread;

/**
 * A ticket with its conversation. For customers the thread was read without staff items, so
 * {@code messages} holds public replies only and {@code audit} is absent; staff see internal notes
 * (marked {@code internal}), the audit trail and the customer's rating. Everyone who sees the ticket sees its SLA.
 */
public record TicketDetailView(TicketView ticket, List<MessageView> messages, Optional<List<AuditView>> audit,
    List<AttachmentView> attachments, Optional<RatingView> rating, Optional<ServiceLevelView> sla) {

  public record MessageView(String id, String authorId, String authorName, String side, String body, boolean internal,
      String source, Instant at) {
    static MessageView of(TicketMessage m) {
      return new MessageView(m.id(), m.author().value(), m.authorName(), m.side().wireName(), m.body(), m.internal(),
          m.source().wireName(), m.at());
    }
  }

  public record AuditView(Instant at, String actorId, String actorRole, String action, Map<String, String> details) {
    static AuditView of(TicketAudit a) {
      return new AuditView(a.at(), a.actorId(), a.actorRole(), a.action(), a.details());
    }
  }

  public static TicketDetailView of(TicketThread thread, boolean forStaff) {
    List<MessageView> messages = thread.messages().stream()
        .filter(m -> forStaff || !m.internal())
        .map(MessageView::of)
        .toList();
    Optional<List<AuditView>> audit = forStaff
        ? Optional.of(thread.audit().stream().map(AuditView::of).toList())
        : Optional.empty();
    return new TicketDetailView(TicketView.of(thread.ticket(), forStaff), messages, audit,
        thread.attachments().stream().map(AttachmentView::of).toList(),
        forStaff ? thread.rating().map(RatingView::of) : Optional.empty(), Optional.empty());
  }

  /** The same with the ticket's rating (a customer's view reads it apart: it is on the provider side of the partition). */
  public TicketDetailView withRating(Optional<RatingView> given) {
    return new TicketDetailView(ticket, messages, audit, attachments, given, sla);
  }

  /** The same with the ticket's SLA (both targets, their deadlines and state). */
  public TicketDetailView withSla(Optional<? extends ServiceLevelView> view) {
    return new TicketDetailView(ticket, messages, audit, attachments, rating, view.map(ServiceLevelView.class::cast));
  }
}
