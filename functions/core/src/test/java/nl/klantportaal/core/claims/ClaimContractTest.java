package nl.klantportaal.core.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimContractTest {

  private static Map<String, String> claims(String... pairs) {
    Map<String, String> claims = new HashMap<>();
    claims.put("sub", "user-1");
    claims.put("token_use", "id");
    for (int i = 0; i < pairs.length; i += 2) {
      claims.put(pairs[i], pairs[i + 1]);
    }
    return claims;
  }

  @Test
  void customerAdminWithTenantAndMfaIsReadFromPortalClaims() {
    Caller caller = ClaimContract.caller(claims("kp_role", "customer-admin", "kp_tenant", "acme-1", "kp_mfa", "true",
        "email", "it@acme.example.test")).orElseThrow();
    assertEquals(Role.CUSTOMER_ADMIN, caller.role());
    assertEquals(Optional.of(new TenantId("acme-1")), caller.tenant());
    assertTrue(caller.mfaEnrolled());
    assertEquals(Optional.of("it@acme.example.test"), caller.email());
  }

  @Test
  void userWritableCustomAttributesGiveNoRights() {
    Caller caller = ClaimContract.caller(claims("custom:tenant", "acme-1", "custom:role", "provider-admin",
        "cognito:groups", "provider-admin", "custom:mfa", "true")).orElseThrow();
    assertEquals(Role.NONE, caller.role());
    assertEquals(Optional.empty(), caller.tenant());
    assertFalse(caller.mfaEnrolled());
  }

  @Test
  void customerRoleWithoutTenantFallsBackToPending() {
    Caller caller = ClaimContract.caller(claims("kp_role", "customer-user", "kp_mfa", "true")).orElseThrow();
    assertTrue(caller.isPending());
  }

  @Test
  void providerStaffNeverCarryATenant() {
    Caller caller = ClaimContract.caller(claims("kp_role", "provider-agent", "kp_tenant", "acme-1")).orElseThrow();
    assertEquals(Role.PROVIDER_AGENT, caller.role());
    assertEquals(Optional.empty(), caller.tenant());
  }

  @Test
  void unknownRoleAndMalformedTenantAreIgnored() {
    Caller caller = ClaimContract.caller(claims("kp_role", "root", "kp_tenant", "../etc", "kp_mfa", "yes")).orElseThrow();
    assertEquals(Role.NONE, caller.role());
    assertFalse(caller.mfaEnrolled());
  }

  @Test
  void accessTokensAndMissingSubjectsAreNotCallers() {
    assertTrue(ClaimContract.caller(claims("token_use", "access")).isEmpty());
    assertTrue(ClaimContract.caller(Map.of("email", "x@example.test")).isEmpty());
  }

  @Test
  void accessRulesFollowRoles() {
    Caller agent = ClaimContract.caller(claims("kp_role", "provider-agent", "kp_mfa", "true")).orElseThrow();
    Caller pending = ClaimContract.caller(claims()).orElseThrow();
    assertTrue(Access.PROVIDER_STAFF.permits(agent));
    assertFalse(Access.PROVIDER_ADMIN.permits(agent));
    assertFalse(Access.CUSTOMER.permits(agent));
    assertTrue(Access.SIGNED_IN.permits(pending));
    assertFalse(Access.LINKED.permits(pending));
  }
}
