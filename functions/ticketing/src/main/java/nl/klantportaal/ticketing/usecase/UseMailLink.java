package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.MailLink;
import nl.klantportaal.ticketing.domain.MailLinkAction;
import nl.klantportaal.ticketing.domain.MailLinkSigner;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.SingleUses;
import nl.klantportaal.ticketing.port.TicketRatings;

/**
 * The one-click links of ticket mails (accept or reject a solution, rate a closed ticket), used
 * without signing in: the signed link is the recipient's authority. {@link #preview} only reads, so
 * a mail scanner that opens the link changes nothing; {@link #act} does what the link says, as its
 * recipient, once: the link's use is taken in the action's own transaction. Each action is audited
 * with {@code via=mail-link}.
 */
public final class UseMailLink {
  /** A used link's record outlives the link by this much, then expires (TTL). */
  private static final Duration KEEP_USE = Duration.ofDays(1);

  private final MailLinkSigner signer;
  private final TicketAccess access;
  private final SingleUses uses;
  private final ChangeTicketStatus status;
  private final RateTicket rate;
  private final TicketRatings ratings;
  private final Clock clock;

  public UseMailLink(MailLinkSigner signer, TicketAccess access, SingleUses uses, ChangeTicketStatus status,
      RateTicket rate, TicketRatings ratings, Clock clock) {
    this.signer = signer;
    this.access = access;
    this.uses = uses;
    this.status = status;
    this.rate = rate;
    this.ratings = ratings;
    this.clock = clock;
  }

  public record TokenInput(String token) {}

  /** {@code message}: a rejection's reason (required); {@code score} and {@code comment}: a rating. */
  public record ActInput(String token, String message, Integer score, String comment) {}

  /** What the link will do, to whom and on which ticket; {@code recipientId} lets the portal see a different signed-in user. */
  public record Preview(String action, String ticketId, long ticketNumber, String title, String status,
      String recipientId, String recipientName, String expiresAt) {}

  /**
   * What was done: the action and the ticket's status after it. An acceptance closes the ticket
   * without a closed mail to the person who accepted (nobody is mailed about their own change), so it
   * answers their rating link at once ({@code rateToken}), for the page to ask how satisfied they are.
   */
  public record Done(String action, String ticketId, long ticketNumber, String status, Optional<String> rateToken) {}

  public Preview preview(TokenInput input) {
    Target target = target(input.token());
    Ticket ticket = target.ticket();
    return new Preview(target.link().action().wireName(), ticket.ref().token(), ticket.ref().number().value(),
        ticket.title(), ticket.status().wireName(), target.recipient().id().value(), target.recipient().name().display(),
        target.link().expiresAt().toString());
  }

  public Done act(ActInput input) {
    Target target = target(input.token());
    MailLink link = target.link();
    Optional<SingleUses.SingleUse> use = Optional.of(new SingleUses.SingleUse(link.id(), link.expiresAt().plus(KEEP_USE)));
    try {
      Ticket after = switch (link.action()) {
        case ACCEPT -> status.execute(target.caller(), link.ticket(),
            new ChangeTicketStatus.TransitionInput("accept", null, target.ticket().version()), TicketSource.MAIL_LINK, use);
        case REJECT -> status.execute(target.caller(), link.ticket(),
            new ChangeTicketStatus.TransitionInput("reject", input.message(), target.ticket().version()),
            TicketSource.MAIL_LINK, use);
        case RATE -> {
          rate.execute(target.caller(), link.ticket(), new RateTicket.RatingInput(input.score(), input.comment()),
              TicketSource.MAIL_LINK, use);
          yield target.ticket();
        }
      };
      Optional<String> rateToken = link.action() == MailLinkAction.ACCEPT
          ? Optional.of(signer.sign(new MailLink(link.id() + "-rate", link.ticket(), MailLinkAction.RATE, link.recipient(),
              clock.instant().plus(MailLinkAction.RATE.lifetime()))))
          : Optional.empty();
      return new Done(link.action().wireName(), after.ref().token(), after.ref().number().value(), after.status().wireName(),
          rateToken);
    } catch (DomainException.Conflict e) {
      if (uses.used(link.id())) {
        throw new MailLinkRefused(MailLinkRefused.Reason.USED, "This link has been used already");
      }
      throw e;
    }
  }

  private record Target(MailLink link, UserProfile recipient, Caller caller, Ticket ticket) {}

  /** The link's ticket as its recipient sees it, if the link is genuine, in time, unused and still applies. */
  private Target target(String token) {
    MailLink link = switch (signer.check(token, clock.instant())) {
      case MailLinkSigner.Checked.Valid valid -> valid.link();
      case MailLinkSigner.Checked.Expired expired -> throw new MailLinkRefused(MailLinkRefused.Reason.EXPIRED,
          "The link expired at " + expired.link().expiresAt());
      case MailLinkSigner.Checked.Invalid invalid -> throw new MailLinkRefused(MailLinkRefused.Reason.INVALID,
          "The link is not one the portal made (" + invalid.why() + ")");
    };
    if (uses.used(link.id())) {
      throw new MailLinkRefused(MailLinkRefused.Reason.USED, "This link has been used already");
    }
    UserProfile recipient = access.activeMember(link.ticket().tenant(), link.recipient()).orElseThrow(() ->
        new MailLinkRefused(MailLinkRefused.Reason.INVALID, "The account this link was sent to is no longer active"));
    Membership.CustomerMember member = (Membership.CustomerMember) recipient.membership();
    Caller caller = new Caller(recipient.id(), Optional.of(member.customer()), member.role(), true,
        Optional.of(recipient.email()));
    Ticket ticket;
    try {
      ticket = access.visible(caller, link.ticket());
    } catch (DomainException.NotFound e) {
      throw new MailLinkRefused(MailLinkRefused.Reason.INVALID, "The ticket of this link is not visible to its recipient");
    }
    MailLinkAction action = link.action();
    if (ticket.status() != action.appliesTo()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "Ticket " + ticket.ref() + " is "
          + ticket.status().wireName() + " now; the link was for a " + action.appliesTo().wireName() + " ticket");
    }
    if (action == MailLinkAction.RATE && ratings.of(ticket.ref()).isPresent()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
          "Ticket " + ticket.ref() + " has been rated already");
    }
    return new Target(link, recipient, caller, ticket);
  }
}
