package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.domain.MembershipChange;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Validation;

/** The body of the membership routes: the version read, and for link and role the customer and role. */
public record MembershipInput(String customerId, String role, Long version) {
  private static final Role[] CUSTOMER_ROLES = {Role.CUSTOMER_USER, Role.CUSTOMER_ADMIN};
  /** A role change stays on its side: customer roles for a customer's people, provider roles for staff. */
  private static final Role[] ASSIGNABLE_ROLES = {Role.CUSTOMER_USER, Role.CUSTOMER_ADMIN, Role.PROVIDER_AGENT,
      Role.PROVIDER_ADMIN};

  public MembershipChange.Link link() {
    Validation v = new Validation();
    v.check(TenantId.isValid(customerId), "customerId", "format", "must be a customer id");
    var r = v.requiredEnum("role", role, CUSTOMER_ROLES, Role::wireName);
    requireVersion(v);
    return new MembershipChange.Link(new TenantId(customerId), r.orElseThrow());
  }

  public MembershipChange.ChangeRole changeRole() {
    Validation v = new Validation();
    var r = v.requiredEnum("role", role, ASSIGNABLE_ROLES, Role::wireName);
    v.check(customerId == null, "customerId", "not-allowed", "a role change keeps the customer");
    requireVersion(v);
    return new MembershipChange.ChangeRole(r.orElseThrow());
  }

  /** For unlink and deactivate, which take only the version. */
  public long onlyVersion() {
    Validation v = new Validation();
    v.check(customerId == null, "customerId", "not-allowed", "is not part of this request");
    v.check(role == null, "role", "not-allowed", "is not part of this request");
    requireVersion(v);
    return version;
  }

  private void requireVersion(Validation v) {
    v.check(version != null, "version", "required", "is required: the version you read");
    v.throwIfInvalid();
  }

}
