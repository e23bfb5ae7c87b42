package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * MFA enrolment with an authenticator app, required of everyone before anything else: a secret
 * with its otpauth URI and QR code, then the first code, after which TOTP is the preferred factor
 * and the profile says enrolled (the next token refresh carries {@code kp_mfa=true}).
 */
public final class EnrolTotp {
  private final IdentityProvider provider;
  private final UserRepository users;
  private final Clock clock;

  public EnrolTotp(IdentityProvider provider, UserRepository users, Clock clock) {
    this.provider = provider;
    this.users = users;
    this.clock = clock;
  }

  public TotpEnrolment start(Caller caller, AuthRequests.AccessToken request) {
    UserProfile profile = own(caller, request.validate(false).accessToken());
    return TotpEnrolment.of(provider.startTotpEnrolment(request.accessToken()), profile.email());
  }

  public void complete(Caller caller, AuthRequests.AccessToken request) {
    UserProfile profile = own(caller, request.validate(true).accessToken());
    provider.completeTotpEnrolment(request.accessToken(), request.code());
    if (!profile.mfaEnrolled()) {
      var now = clock.instant();
      UserProfile enrolled = profile.withMfaEnrolled(true, now);
      users.update(enrolled, new AuditEntry(now, caller.userId(), "user.mfa-enrolled", caller.userId(),
          profile.membership().tenant(), Map.of()));
    }
  }

  /** The access token must be the caller's own: an enrolment for someone else is refused. */
  private UserProfile own(Caller caller, String accessToken) {
    ChangePassword.requireOwnToken(provider, caller, accessToken);
    return users.find(caller.userId()).orElseThrow(() -> new DomainException.NotFound("Profile " + caller.userId()));
  }
}
