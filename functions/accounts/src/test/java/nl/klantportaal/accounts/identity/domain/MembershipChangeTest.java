package nl.klantportaal.accounts.identity.domain;

import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.DomainException;
import org.junit.jupiter.api.Test;

class MembershipChangeTest {
  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
  private static final TenantId ACME = new TenantId("acme");
  private static final Membership MEMBER = new Membership.CustomerMember(ACME, Role.CUSTOMER_USER);

  @Test
  void linkStartsFromPendingOrShutOut() {
    var link = new MembershipChange.Link(ACME, Role.CUSTOMER_ADMIN);
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN), link.apply(new Membership.Pending(), AT));
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN),
        link.apply(new Membership.Deactivated(Optional.of(ACME), AT), AT));
    assertThrows(DomainException.Conflict.class, () -> link.apply(MEMBER, AT));
    assertThrows(DomainException.Conflict.class, () -> link.apply(new Membership.ProviderStaff(Role.PROVIDER_AGENT), AT));
  }

  @Test
  void roleChangesKeepTheCustomerAndStayOnTheirSide() {
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN),
        new MembershipChange.ChangeRole(Role.CUSTOMER_ADMIN).apply(MEMBER, AT));
    assertEquals(new Membership.ProviderStaff(Role.PROVIDER_ADMIN),
        new MembershipChange.ChangeRole(Role.PROVIDER_ADMIN).apply(new Membership.ProviderStaff(Role.PROVIDER_AGENT), AT));
    assertThrows(DomainException.Conflict.class,
        () -> new MembershipChange.ChangeRole(Role.CUSTOMER_ADMIN).apply(new Membership.Pending(), AT));
    assertThrows(DomainException.InvalidInput.class, () -> new MembershipChange.ChangeRole(Role.PROVIDER_ADMIN).apply(MEMBER, AT));
    assertThrows(DomainException.InvalidInput.class,
        () -> new MembershipChange.ChangeRole(Role.CUSTOMER_USER).apply(new Membership.ProviderStaff(Role.PROVIDER_AGENT), AT));
  }

  @Test
  void unlinkAndDeactivateShutTheAccountOutRememberingTheCustomer() {
    assertEquals(new Membership.Deactivated(Optional.of(ACME), AT), new MembershipChange.Unlink().apply(MEMBER, AT));
    assertEquals(new Membership.Deactivated(Optional.of(ACME), AT), new MembershipChange.Deactivate().apply(MEMBER, AT));
    assertThrows(DomainException.Conflict.class, () -> new MembershipChange.Unlink().apply(new Membership.Pending(), AT));
    assertThrows(DomainException.Conflict.class,
        () -> new MembershipChange.Deactivate().apply(new Membership.Deactivated(Optional.empty(), AT), AT));
  }

  @Test
  void rightsReducingChangesEndSessions() {
    assertEquals(false, new MembershipChange.Link(ACME, Role.CUSTOMER_USER).endsSessions());
    assertEquals(true, new MembershipChange.ChangeRole(Role.CUSTOMER_USER).endsSessions());
    assertEquals(true, new MembershipChange.Unlink().endsSessions());
    assertEquals(true, new MembershipChange.Deactivate().endsSessions());
  }
}
