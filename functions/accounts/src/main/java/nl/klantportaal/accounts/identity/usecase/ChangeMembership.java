package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.MembershipChange;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Versions;

/**
 * Links, re-roles, unlinks or deactivates an account: provider admins for any customer; a customer
 * admin may only deactivate people of its own organisation (someone who left). Every change is
 * audited in the same write; changes that reduce rights also end the user's sessions.
 */
public final class ChangeMembership {
  private final UserRepository users;
  private final CustomerRepository customers;
  private final UserDirectory directory;
  private final Clock clock;

  public ChangeMembership(UserRepository users, CustomerRepository customers, UserDirectory directory, Clock clock) {
    this.users = users;
    this.customers = customers;
    this.directory = directory;
    this.clock = clock;
  }

  public UserProfile execute(Caller actor, UserId subject, MembershipChange change, long expectedVersion) {
    UserProfile current = users.find(subject).orElseThrow(() -> new DomainException.NotFound("User " + subject));
    authorize(actor, current, change);
    Versions.require("User " + subject, current.version(), expectedVersion);
    if (change instanceof MembershipChange.Link link && customers.find(link.customer()).isEmpty()) {
      throw new DomainException.NotFound("Customer " + link.customer());
    }
    Instant now = clock.instant();
    UserProfile next = current.withMembership(change.apply(current.membership(), now), now);
    var customer = next.membership().tenant().or(() -> current.membership().tenant());
    users.update(next, new AuditEntry(now, actor.userId(), change.action(), subject, customer, change.details()));
    directory.mirrorRole(subject, next.membership().role());
    if (change.endsSessions()) {
      directory.signOutEverywhere(subject);
    }
    return next;
  }

  private static void authorize(Caller actor, UserProfile subject, MembershipChange change) {
    if (actor.userId().equals(subject.id())) {
      throw new DomainException.Forbidden("Nobody changes their own membership");
    }
    if (actor.role() == Role.PROVIDER_ADMIN) {
      return;
    }
    if (actor.role() != Role.CUSTOMER_ADMIN) {
      throw new DomainException.Forbidden("Only admins change memberships");
    }
    if (!subject.membership().tenant().equals(actor.tenant())) {
      // Another customer's user, or a pending one, does not exist for a customer admin.
      throw new DomainException.NotFound("User " + subject.id());
    }
    if (!(change instanceof MembershipChange.Deactivate)) {
      throw new DomainException.Forbidden("A customer admin can deactivate accounts; links and roles are set by the provider");
    }
  }
}
