package nl.klantportaal.ticketing.domain;

import java.time.Duration;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * What a one-click link in a ticket mail does, and for how long it may: the resolved mail's
 * accept and reject, the closed mail's rating.
 */
public enum MailLinkAction implements WireEnum {
  ACCEPT("accept", TicketStatus.RESOLVED, Duration.ofDays(7)),
  REJECT("reject", TicketStatus.RESOLVED, Duration.ofDays(7)),
  RATE("rate", TicketStatus.CLOSED, Duration.ofDays(14));

  private final String wireName;
  private final TicketStatus appliesTo;
  private final Duration lifetime;

  MailLinkAction(String wireName, TicketStatus appliesTo, Duration lifetime) {
    this.wireName = wireName;
    this.appliesTo = appliesTo;
    this.lifetime = lifetime;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The status the ticket must have for the link to act (the mail was sent in it). */
  public TicketStatus appliesTo() {
    return appliesTo;
  }

  /** How long after the mail the link works. */
  public Duration lifetime() {
    return lifetime;
  }
}
