package nl.klantportaal.accounts.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInMethodTest {

  private static SignInMethod.Federated entra(String amr) {
    return new SignInMethod.Federated("EntraID", SignInMethod.parseAuthenticationMethods(amr));
  }

  @Test
  void anAmrWithMfaIsMultiFactorInEveryShapeItArrivesIn() {
    assertTrue(entra("[\"pwd\",\"mfa\"]").multiFactor(), "a JSON array, as Cognito stores a mapped array claim");
    assertTrue(entra("[\"pwd\", \"MFA\"]").multiFactor(), "values compared in lower case");
    assertTrue(entra("pwd,mfa").multiFactor());
    assertTrue(entra("pwd mfa").multiFactor());
    assertEquals(Set.of("pwd", "mfa", "rsa"), SignInMethod.parseAuthenticationMethods("[\"pwd\",\"mfa\",\"rsa\"]"));
  }

  @Test
  void withoutMfaInTheAmrThereIsNoMfa() {
    assertFalse(entra("[\"pwd\"]").multiFactor());
    assertFalse(entra("").multiFactor(), "no amr at all");
    assertFalse(entra("[\"ngcmfa-not\"]").multiFactor(), "only the exact value counts");
    assertFalse(entra("{\"mfa\":true}").multiFactor(), "an object is no list of methods");
    assertFalse(entra("[\"mfa\\u0000\"]").multiFactor(), "nor a value with anything strange in it");
  }
}
