package nl.klantportaal.notifications.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.ticketing.domain.AuthorSide;

/**
 * Who is mailed about a change (docs/notifications.md "Recipients"):
 * <ul>
 *   <li>customer side, every kind: the reporter and the involved persons who are members of the
 *       ticket's customer;</li>
 *   <li>a new service request awaiting approval: the customer's admins, with the approval mail
 *       ({@link #approvers});</li>
 *   <li>provider side: on a new ticket and on a customer's public reply, the assignee if one is set,
 *       else every provider staff account;</li>
 *   <li>a status change written with a public message (a solution, a question, a rejection's reason)
 *       is announced once, by that message's mail, to the message's recipients;</li>
 *   <li>never the author of the change, never a missing or deactivated profile, never someone whose
 *       preferences switch ticket mail off; each person once.</li>
 * </ul>
 */
public final class RecipientRules {

  private RecipientRules() {}

  public static List<Recipient> of(TicketChange change, TicketSnapshot ticket, Function<UserId, Optional<UserProfile>> profiles,
      Supplier<List<UserProfile>> staff) {
    if (change instanceof TicketChange.StatusChanged s && s.withMessage()) {
      return List.of();
    }
    Map<UserId, Recipient> chosen = new LinkedHashMap<>();
    List<UserId> customerSide = new ArrayList<>();
    customerSide.add(ticket.reporter());
    customerSide.addAll(ticket.involved());
    for (UserId id : customerSide) {
      profiles.apply(id)
          .filter(p -> p.membership() instanceof Membership.CustomerMember m && m.customer().equals(ticket.tenant()))
          .filter(p -> wanted(p, change))
          .ifPresent(p -> chosen.putIfAbsent(p.id(), recipient(p, false)));
    }
    if (agentsAreMailed(change)) {
      List<UserProfile> agents = ticket.assignee()
          .map(a -> profiles.apply(a).filter(p -> p.membership() instanceof Membership.ProviderStaff).stream().toList())
          .orElseGet(staff);
      for (UserProfile agent : agents) {
        if (agent.membership() instanceof Membership.ProviderStaff && wanted(agent, change)) {
          chosen.putIfAbsent(agent.id(), recipient(agent, true));
        }
      }
    }
    return List.copyOf(chosen.values());
  }

  /**
   * The customer admins asked to approve a new service request: on CREATED of a ticket awaiting
   * approval, every admin of the ticket's own customer, by the same profile checks (never the author).
   * They get the approval mail instead of the new-ticket mail.
   */
  public static List<Recipient> approvers(TicketChange change, TicketSnapshot ticket, Supplier<List<UserProfile>> members) {
    if (!(change instanceof TicketChange.Created) || !ticket.awaitingApproval()) {
      return List.of();
    }
    return members.get().stream()
        .filter(p -> p.membership() instanceof Membership.CustomerMember m && m.customer().equals(ticket.tenant())
            && m.role() == Role.CUSTOMER_ADMIN)
        .filter(p -> wanted(p, change))
        .map(p -> recipient(p, false))
        .toList();
  }

  /**
   * Agents hear of new tickets, of customers' public replies and of an approved request (now it may
   * be worked); not of agents' replies or of status changes.
   */
  static boolean agentsAreMailed(TicketChange change) {
    return switch (change) {
      case TicketChange.Created c -> true;
      case TicketChange.PublicMessage m -> m.side() == AuthorSide.CUSTOMER;
      case TicketChange.StatusChanged s -> false;
      case TicketChange.Approved a -> true;
    };
  }

  private static boolean wanted(UserProfile profile, TicketChange change) {
    return !profile.id().value().equals(change.actor())
        && !profile.isDeactivated()
        && profile.email() != null && !profile.email().isBlank()
        && profile.settings().notifications().wants(AccountSettings.Topic.TICKETS);
  }

  private static Recipient recipient(UserProfile profile, boolean agent) {
    return new Recipient(profile.id(), profile.email(), profile.name().display(), profile.language(), agent);
  }
}
