package nl.klantportaal.accounts.identity.usecase;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.SignInMethod;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.ClaimContract;
import nl.klantportaal.core.claims.UserId;

/**
 * At every sign-in and refresh (Cognito PreTokenGeneration): the tenant, role and MFA claims come
 * from the stored profile, and a deactivated or unknown account gets no token at all. The MFA claim
 * of a password sign-in is the profile's TOTP enrolment; of a federated sign-in, the identity
 * provider's own report of this sign-in ({@code amr} contains {@code mfa}), and the token names the
 * provider ({@code kp_idp}).
 */
public final class IssueTokenClaims {
  private final UserRepository users;

  public IssueTokenClaims(UserRepository users) {
    this.users = users;
  }

  /** The claim that names the identity provider of a federated sign-in (absent for the pool's own sign-in). */
  public static final String IDENTITY_PROVIDER = "kp_idp";

  public Decision execute(UserId id) {
    return execute(id, new SignInMethod.Local());
  }

  public Decision execute(UserId id, SignInMethod method) {
    return users.find(id)
        .<Decision>map(profile -> decide(profile, method))
        .orElseGet(() -> new Decision.Refuse("No portal account for this sign-in"));
  }

  private static Decision decide(UserProfile profile, SignInMethod method) {
    if (profile.isDeactivated()) {
      return new Decision.Refuse("This account has been deactivated");
    }
    Map<String, String> claims = new LinkedHashMap<>();
    boolean mfa = switch (method) {
      case SignInMethod.Local local -> profile.mfaEnrolled();
      case SignInMethod.Federated federated -> federated.multiFactor();
    };
    claims.put(ClaimContract.MFA, Boolean.toString(mfa));
    if (method instanceof SignInMethod.Federated federated) {
      claims.put(IDENTITY_PROVIDER, federated.provider());
    }
    if (!profile.membership().role().wireName().equals("none")) {
      claims.put(ClaimContract.ROLE, profile.membership().role().wireName());
    }
    profile.membership().tenant().ifPresent(t -> claims.put(ClaimContract.TENANT, t.value()));
    return new Decision.Allow(claims);
  }

  /** Either the claims to put in the ID token, or a refusal that stops the sign-in. */
  public sealed interface Decision {
    record Allow(Map<String, String> claims) implements Decision {}

    record Refuse(String reason) implements Decision {}
  }
}
