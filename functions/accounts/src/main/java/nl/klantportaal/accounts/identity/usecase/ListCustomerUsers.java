package nl.klantportaal.accounts.identity.usecase;

import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.core.shared.domain.DomainException;

/** The people of one organisation: for provider staff, and for that organisation's own admins. */
public final class ListCustomerUsers {
  private final UserRepository users;

  public ListCustomerUsers(UserRepository users) {
    this.users = users;
  }

  public PageView<UserView> execute(Caller caller, TenantId customer, PageRequest page) {
    if (!caller.role().isProviderStaff()) {
      if (!caller.tenant().equals(Optional.of(customer))) {
        throw new DomainException.NotFound("Customer " + customer);
      }
      if (caller.role() != Role.CUSTOMER_ADMIN) {
        throw new DomainException.Forbidden("Only your organisation's admins see its accounts");
      }
    }
    return PageView.of(users.ofCustomer(customer, page), UserView::of);
  }

  /** A user as admins see it. */
  public record UserView(String userId, String email, String displayName, String role, Optional<String> customerId,
      boolean active, boolean mfaEnrolled, long version) {
    public static UserView of(UserProfile profile) {
      return new UserView(profile.id().value(), profile.email(), profile.name().display(),
          profile.membership().role().wireName(),
          profile.membership() instanceof Membership.Deactivated d
              ? d.formerCustomer().map(TenantId::value)
              : profile.membership().tenant().map(TenantId::value),
          !profile.isDeactivated(), profile.mfaEnrolled(), profile.version());
    }
  }
}
