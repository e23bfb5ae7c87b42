package nl.klantportaal.core.notification.domain;

/** The kinds of ticket mail; resolved and closed are their own kinds, other status changes share one. */
public enum MailKind {
  CREATED, REPLY, STATUS_CHANGED, RESOLVED, CLOSED;

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
