package nl.klantportaal.notifications.domain;

/**
 * The kinds of ticket mail; resolved and closed are their own kinds, other status changes share one.
 * The {@code SLA_} kinds are the breach scan's mails (rendered by {@code SlaMail}).
 */
public enum MailKind {
  CREATED, REPLY, STATUS_CHANGED, RESOLVED, CLOSED,
  /** To a customer's admins: a service request of theirs waits for their approval. */
  APPROVAL_REQUESTED,
  /** The request was approved: its reporter and the provider side hear that work may start. */
  APPROVED,
  SLA_WARNING, SLA_BREACH, SLA_REMINDER, SLA_PRIORITY_DROP,
  /** The on-call page: a critical ticket raised (or made critical) while the business calendar is closed. */
  SLA_ON_CALL,
  /** The billing context's hour mails to a customer's admins (thresholds, expiry, overflow), rendered by billing. */
  HOURS,
  /** The reports context's "your monthly report is ready" mail to a customer's admins, rendered by reports. */
  REPORT,
  /** Inbound mail's one reply a day to a sender the portal does not know (or not yet): how to register, rendered by inbound-mail. */
  SENDER_UNKNOWN,
  /** Inbound mail's notice that a mail to a closed ticket became a follow-up ticket, to its sender, rendered by inbound-mail. */
  FOLLOW_UP_CREATED,
  /** Inbound mail's acknowledgement to its sender that their mail became a new ticket, with its number, rendered by inbound-mail. */
  TICKET_RECEIVED,
  /**
   * The billing context's invoice mails to a customer — an issued invoice with its PDF attached, payment
   * reminders, the failed-collection notice — rendered by billing and sent from the administrative
   * sender (seed: administrative mail comes from its own sender address, ticket mail from another).
   */
  INVOICE,
  /** The knowledge context's service notices (outage, maintenance, information) to affected customers' admins, rendered there. */
  NOTICE,
  /**
   * The identity context's security notice to a user's <em>old</em> address after a verified e-mail change, rendered by
   * the identity function ({@code EmailChangedMail}). Sent to every account whatever its mail preferences (no
   * {@code AccountSettings.Topic} covers it), from the usual sender.
   */
  EMAIL_CHANGED,
  /**
   * The identity context's security notice to a user whose MFA the provider's support reset, rendered by the identity
   * function ({@code MfaResetMail}); like {@link #EMAIL_CHANGED}, whatever the mail preferences, from the usual sender.
   */
  MFA_RESET;

  public boolean isSla() {
    return name().startsWith("SLA_");
  }

  /**
   * Mail of the provider's administration rather than its service desk: sent from the administrative
   * sender (ADMIN_SENDER_ADDRESS) instead of the default or the recipient domain's route sender.
   */
  public boolean isAdministrative() {
    return this == INVOICE;
  }

  /**
   * A message that came with a status change is that change's only mail: RESOLVED quoting the solution,
   * CLOSED quoting a rejection's reason; any other move (a reply that opened the ticket, a question that
   * makes it wait for the customer) stays a REPLY that also names the new status.
   */
  public static MailKind of(TicketChange change) {
    return switch (change) {
      case TicketChange.Created c -> CREATED;
      case TicketChange.PublicMessage m -> m.move().map(move -> ofStatus(move.to()))
          .filter(kind -> kind != STATUS_CHANGED).orElse(REPLY);
      case TicketChange.StatusChanged s -> ofStatus(s.to());
      case TicketChange.Approved a -> APPROVED;
    };
  }

  private static MailKind ofStatus(nl.klantportaal.ticketing.domain.TicketStatus to) {
    return switch (to) {
      case RESOLVED -> RESOLVED;
      case CLOSED -> CLOSED;
      default -> STATUS_CHANGED;
    };
  }
}
