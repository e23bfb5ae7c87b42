package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Map;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * The four ways an account's membership changes, and which state each may start from:
 * link (pending or shut out → customer member), change role (member → member of the same
 * customer), unlink (member → shut out, by the provider) and deactivate (→ shut out, e.g. by the
 * customer's admin when someone leaves). A shut-out account is refused at sign-in and refresh
 * until the provider links it again.
 */
public sealed interface MembershipChange {

  String action();

  /** Whether this change must end the user's sessions now rather than at the next refresh. */
  boolean endsSessions();

  Membership apply(Membership current, Instant at);

  Map<String, String> details();

  record Link(TenantId customer, Role role) implements MembershipChange {
    public String action() { return "user.linked"; }
    public boolean endsSessions() { return false; }
    public Map<String, String> details() { return Map.of("customer", customer.value(), "role", role.wireName()); }

    public Membership apply(Membership current, Instant at) {
      if (!(current instanceof Membership.Pending || current instanceof Membership.Deactivated)) {
        throw illegal("only a pending, unlinked or deactivated account can be linked");
      }
      return new Membership.CustomerMember(customer, role);
    }
  }

  record ChangeRole(Role role) implements MembershipChange {
    public String action() { return "user.role-changed"; }
    public boolean endsSessions() { return true; }
    public Map<String, String> details() { return Map.of("role", role.wireName()); }

    /** A customer's person gets another customer role, provider staff another provider role; never across. */
    public Membership apply(Membership current, Instant at) {
      boolean providerRole = role == Role.PROVIDER_AGENT || role == Role.PROVIDER_ADMIN;
      if (current instanceof Membership.CustomerMember member && !providerRole) {
        return new Membership.CustomerMember(member.customer(), role);
      }
      if (current instanceof Membership.ProviderStaff && providerRole) {
        return new Membership.ProviderStaff(role);
      }
      if (current instanceof Membership.ProviderStaff || current instanceof Membership.CustomerMember) {
        throw new DomainException.InvalidInput(java.util.List.of(new nl.klantportaal.core.shared.domain.FieldError("role",
            "other-side", current instanceof Membership.ProviderStaff ? "provider staff take a provider role"
                : "a customer's account takes a customer role")));
      }
      throw illegal("only a linked account or provider staff has a role to change");
    }
  }

  record Unlink() implements MembershipChange {
    public String action() { return "user.unlinked"; }
    public boolean endsSessions() { return true; }
    public Map<String, String> details() { return Map.of(); }

    public Membership apply(Membership current, Instant at) {
      if (!(current instanceof Membership.CustomerMember member)) {
        throw illegal("only a linked account can be unlinked");
      }
      return new Membership.Deactivated(member.tenant(), at);
    }
  }

  record Deactivate() implements MembershipChange {
    public String action() { return "user.deactivated"; }
    public boolean endsSessions() { return true; }
    public Map<String, String> details() { return Map.of(); }

    public Membership apply(Membership current, Instant at) {
      if (current instanceof Membership.Deactivated) {
        throw illegal("the account is deactivated already");
      }
      return new Membership.Deactivated(current.tenant(), at);
    }
  }

  private static DomainException illegal(String why) {
    return new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, why);
  }
}
