package nl.klantportaal.accounts.identity.usecase;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.ClaimContract;
import nl.klantportaal.core.claims.UserId;

/**
 * At every sign-in and refresh (Cognito PreTokenGeneration): the tenant, role and MFA claims come
 * from the stored profile, and a deactivated or unknown account gets no token at all.
 */
public final class IssueTokenClaims {
  private final UserRepository users;

  public IssueTokenClaims(UserRepository users) {
    this.users = users;
  }

  public Decision execute(UserId id) {
    return users.find(id)
        .<Decision>map(IssueTokenClaims::decide)
        .orElseGet(() -> new Decision.Refuse("No portal account for this sign-in"));
  }

  private static Decision decide(UserProfile profile) {
    if (profile.isDeactivated()) {
      return new Decision.Refuse("This account has been deactivated");
    }
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put(ClaimContract.MFA, Boolean.toString(profile.mfaEnrolled()));
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
