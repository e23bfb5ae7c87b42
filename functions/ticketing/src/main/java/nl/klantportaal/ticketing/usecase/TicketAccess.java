package nl.klantportaal.ticketing.usecase;

import java.util.Optional;
import java.util.concurrent.Future;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.concurrent.Alongside;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * The checks every ticket use case starts with: the ticket exists and the caller may see it
 * (otherwise 404, so nobody learns another customer's ticket numbers), and who the caller is by name.
 */
public final class TicketAccess {
  private final TicketRepository tickets;
  private final UserRepository users;

  public TicketAccess(TicketRepository tickets, UserRepository users) {
    this.tickets = tickets;
    this.users = users;
  }

  public TicketRepository tickets() {
    return tickets;
  }

  public Ticket visible(Caller caller, TicketRef ref) {
    return tickets.find(ref).filter(t -> t.visibleTo(caller)).orElseThrow(() -> notFound(ref));
  }

  /** A ticket the caller may see, and the caller as the author of a change to it. */
  public record Visit(Ticket ticket, Actor.Person actor) {}

  /**
   * {@link #visible} and {@link #actor} with the two reads (the ticket's header, the caller's profile)
   * made alongside each other: one round trip instead of two for a reply or a transition. When the
   * ticket is not visible the profile read is left to end on its own and nothing of it is used.
   */
  public Visit visibleWithActor(Caller caller, TicketRef ref) {
    Future<Actor.Person> actor = Alongside.start(() -> actor(caller));
    Ticket ticket = visible(caller, ref);
    return new Visit(ticket, Alongside.joined(actor, "the caller's profile"));
  }

  public static DomainException.NotFound notFound(TicketRef ref) {
    return new DomainException.NotFound("Ticket " + ref);
  }

  /** The caller as the author of a change, with the display name of its profile. */
  public Actor.Person actor(Caller caller) {
    String name = users.find(caller.userId()).map(p -> p.name().display()).orElse(caller.email().orElse(caller.userId().value()));
    return Actor.of(caller, name);
  }

  /** An active member of {@code tenant}, or empty (unknown, pending, deactivated, or of another customer). */
  public Optional<UserProfile> activeMember(TenantId tenant, UserId user) {
    return users.find(user).filter(p -> p.membership() instanceof Membership.CustomerMember m && m.customer().equals(tenant));
  }

  /** Active provider staff (agent or admin), or empty. */
  public Optional<UserProfile> activeStaff(UserId user) {
    return users.find(user).filter(p -> p.membership() instanceof Membership.ProviderStaff);
  }
}
