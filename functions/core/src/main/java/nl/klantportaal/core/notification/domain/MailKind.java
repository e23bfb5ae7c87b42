package nl.klantportaal.core.notification.domain;

/**
 * The kinds of ticket mail; resolved and closed are their own kinds, other status changes share one.
 * The {@code SLA_} kinds are the breach scan's mails (rendered by {@code SlaMail}).
 */
public enum MailKind {
  CREATED, REPLY, STATUS_CHANGED, RESOLVED, CLOSED,
  SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP;

  public boolean isSla() {
    return name().startsWith("SLA_");
  }

  public static MailKind of(TicketChange change) {
    return switch (change) {
      case TicketChange.Created c -> CREATED;
      case TicketChange.PublicMessage m -> REPLY;
      case TicketChange.StatusChanged s -> switch (s.to()) {
        case RESOLVED -> RESOLVED;
        case CLOSED -> CLOSED;
        default -> STATUS_CHANGED;
      };
    };
  }
}
