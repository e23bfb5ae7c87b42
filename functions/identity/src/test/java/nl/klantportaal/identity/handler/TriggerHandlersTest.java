package nl.klantportaal.identity.handler;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.MembershipChange;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerHandlersTest {
  private KernelWiring wiring;

  @BeforeEach
  void seed() {
    wiring = IdentityFixtures.freshWiring();
    IdentityFixtures.seed(wiring);
  }

  private static <T> T event(String path, Class<T> type) {
    return EventLoader.loadEvent(Lambda.events().resolve("identity/" + path).toString(), type);
  }

  private void confirm(String fixture) {
    new PostConfirmationHandler(wiring).handleRequest(
        event("post-confirmation/" + fixture, CognitoUserPoolPostConfirmationEvent.class), Lambda.context("post-confirmation"));
  }

  private CognitoUserPoolPreTokenGenerationEvent token(String fixture) {
    return new PreTokenGenerationHandler(wiring).handleRequest(
        event("pre-token-generation/" + fixture, CognitoUserPoolPreTokenGenerationEvent.class),
        Lambda.context("pre-token-generation"));
  }

  @Test
  void aConfirmedSignUpBecomesAPendingAccountOnce() {
    confirm("confirm-sign-up.json");
    confirm("confirm-sign-up.json");
    var profile = IdentityWiring.of(wiring).users().find(new UserId("0a1b2c3d-0000-4000-8000-00000000e101")).orElseThrow();
    assertEquals(new Membership.Pending(), profile.membership());
    assertEquals("Sanne de Vries", profile.name().display());
    assertEquals("de Vries", profile.name().last());
    assertEquals(Language.NL, profile.language());
    assertEquals(1, profile.version(), "a redelivered trigger changes nothing");
    assertFalse(profile.mfaEnrolled());
  }

  @Test
  void theLocaleChoosesTheLanguage() {
    confirm("confirm-sign-up-english.json");
    assertEquals(Language.EN, IdentityWiring.of(wiring).users().find(new UserId("0a1b2c3d-0000-4000-8000-00000000e102")).orElseThrow().language());
  }

  @Test
  void aConfirmedPasswordResetIsNoSignUp() {
    confirm("confirm-forgot-password.json");
    assertTrue(IdentityWiring.of(wiring).users().find(new UserId("0a1b2c3d-0000-4000-8000-00000000e103")).isEmpty());
  }

  @Test
  void tokensCarryRoleTenantAndMfaFromThePortalAndDropCustomAttributes() {
    var details = token("sign-in-customer-admin.json").getResponse().getClaimsOverrideDetails();
    assertEquals(Map.of("kp_role", "customer-admin", "kp_tenant", "acme-fixture", "kp_mfa", "true"),
        details.getClaimsToAddOrOverride());
    assertArrayEquals(new String[] {"custom:role", "custom:tenant"},
        java.util.Arrays.stream(details.getClaimsToSuppress()).sorted().toArray());
  }

  @Test
  void aPendingAccountGetsNoRoleAndNoTenant() {
    var claims = token("refresh-pending.json").getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride();
    assertEquals(Map.of("kp_mfa", "false"), claims);
  }

  @Test
  void unknownAndDeactivatedAccountsAreRefused() {
    assertThrows(PreTokenGenerationHandler.SignInRefusedException.class, () -> token("sign-in-unknown.json"));
    var admin = IdentityWiring.of(wiring).users().find(IdentityFixtures.CUSTOMER_ADMIN).orElseThrow();
    var deactivated = admin.withMembership(new MembershipChange.Deactivate().apply(admin.membership(), IdentityFixtures.NOW),
        IdentityFixtures.NOW);
    IdentityWiring.of(wiring).users().update(deactivated, new nl.klantportaal.accounts.identity.domain.AuditEntry(IdentityFixtures.NOW,
        IdentityFixtures.CUSTOMER_ADMIN, "user.deactivated", IdentityFixtures.CUSTOMER_ADMIN, java.util.Optional.empty(), Map.of()));
    var refused = assertThrows(PreTokenGenerationHandler.SignInRefusedException.class, () -> token("sign-in-customer-admin.json"));
    assertEquals("This account has been deactivated", refused.getMessage());
  }

  @Test
  void aFederatedFirstSignInBecomesAPendingAccountLikeALocalOne() {
    confirm("confirm-federated.json");
    var profile = IdentityWiring.of(wiring).users().find(new UserId("0a1b2c3d-0000-4000-8000-00000000f101")).orElseThrow();
    assertEquals(new Membership.Pending(), profile.membership(), "linked by a provider admin, never by its e-mail domain");
    assertEquals("jan@bakkerij.example.test", profile.email());
    assertEquals("Jan Jansen", profile.name().display());
    assertFalse(profile.mfaEnrolled(), "its MFA is the identity provider's, per sign-in, not a TOTP enrolment");
  }

  @Test
  void aFederatedSignInTakesItsMfaFromTheIdentityProvidersAmr() {
    var details = token("federated-mfa.json").getResponse().getClaimsOverrideDetails();
    assertEquals(Map.of("kp_mfa", "true", "kp_idp", "EntraID"), details.getClaimsToAddOrOverride(),
        "a pending account without TOTP: Entra's amr contains mfa");
    assertArrayEquals(new String[] {"custom:idp_amr"}, details.getClaimsToSuppress(), "the raw amr stays out of the token");
  }

  @Test
  void aFederatedSignInWithoutMfaHasNoMfaEvenWhenTheProfileEnrolledTotp() {
    var claims = token("federated-password-only.json").getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride();
    assertEquals(Map.of("kp_role", "customer-admin", "kp_tenant", "acme-fixture", "kp_mfa", "false", "kp_idp", "EntraID"),
        claims);
  }

  @Test
  void aLocalUserWhoWritesTheAmrAttributeGainsNoMfa() {
    var claims = token("local-forged-amr.json").getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride();
    assertEquals(Map.of("kp_mfa", "false"), claims, "custom:idp_amr counts for federated users only");
  }
}
