package nl.klantportaal.core.claims;

import java.util.Optional;

/**
 * Who is calling, built only from the verified token claims (docs/claims.md). A customer user or
 * admin always has a tenant; provider staff and pending users have none.
 */
public record Caller(UserId userId, Optional<TenantId> tenant, Role role, boolean mfaEnrolled, Optional<String> email) {

  public Caller {
    if (role.isCustomer() && tenant.isEmpty()) {
      throw new IllegalArgumentException("A customer role needs a tenant");
    }
    if (!role.isCustomer() && tenant.isPresent()) {
      throw new IllegalArgumentException("Only customer roles carry a tenant");
    }
  }

  public boolean isPending() {
    return role == Role.NONE;
  }

  /** The tenant a customer caller belongs to; provider staff and pending users have none. */
  public TenantId requireTenant() {
    return tenant.orElseThrow(() -> new IllegalStateException("Caller " + userId + " has no tenant"));
  }
}
