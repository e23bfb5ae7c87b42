package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;

/**
 * Where an account stands: waiting to be linked, a member of one customer, provider staff, or
 * deactivated. The role and tenant in tokens are derived from this and nothing else.
 */
public sealed interface Membership {

  Role role();

  default Optional<TenantId> tenant() {
    return Optional.empty();
  }

  /** Signed up and confirmed; the provider links it to a customer (the seed promises within 12 hours). */
  record Pending() implements Membership {
    @Override
    public Role role() {
      return Role.NONE;
    }
  }

  record CustomerMember(TenantId customer, Role role) implements Membership {
    public CustomerMember {
      if (!role.isCustomer()) {
        throw new IllegalArgumentException("A customer member is customer-user or customer-admin, not " + role);
      }
    }

    @Override
    public Optional<TenantId> tenant() {
      return Optional.of(customer);
    }
  }

  record ProviderStaff(Role role) implements Membership {
    public ProviderStaff {
      if (!role.isProviderStaff()) {
        throw new IllegalArgumentException("Provider staff is provider-agent or provider-admin, not " + role);
      }
    }
  }

  /** Left the organisation or was shut out: refused at sign-in and refresh. */
  record Deactivated(Optional<TenantId> formerCustomer, Instant at) implements Membership {
    @Override
    public Role role() {
      return Role.NONE;
    }

    @Override
    public Optional<TenantId> tenant() {
      return Optional.empty();
    }
  }
}
