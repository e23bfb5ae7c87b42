package nl.klantportaal.local;

import java.time.Instant;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * Accounts for the flow tests: created in cognito-local, given their profile (as linking would), TOTP
 * enrolled, and signed in through the challenge; answers the ID token the gateway's authorizer takes.
 */
final class EnrolledAccounts {
  static final String PASSWORD = "Zonnebloem-Kaas-2026!";
  private final LocalCloud cloud;
  private final KernelWiring wiring;
  private final SignIn signIn;

  EnrolledAccounts(LocalCloud cloud, KernelWiring wiring) {
    this.cloud = cloud;
    this.wiring = wiring;
    this.signIn = SignIn.of(cloud);
  }

  /** A Dutch-speaking account named "First Last". */
  String idToken(String email, String name, Membership membership) throws Exception {
    return idToken(email, name, Language.NL, membership);
  }

  String idToken(String email, String name, Language language, Membership membership) throws Exception {
    UserId id;
    try (CognitoPool pool = CognitoPool.open(cloud)) {
      id = pool.createAccount(email, PASSWORD);
    }
    Instant now = Instant.now();
    String[] parts = name.split(" ", 2);
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName(parts[0], parts[1], name),
        language, membership, false, AccountSettings.DEFAULT, now, now, 1));
    String secret = signIn.enrolTotp(email, PASSWORD);
    return signIn.withTotp(email, PASSWORD, secret).path("idToken").asText();
  }
}
