package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;

/** A new e-mail address counts only once the code sent to it comes back; until then the old one stays. */
public final class ChangeEmail {
  private final IdentityProvider provider;
  private final UserRepository users;
  private final Clock clock;

  public ChangeEmail(IdentityProvider provider, UserRepository users, Clock clock) {
    this.provider = provider;
    this.users = users;
    this.clock = clock;
  }

  public void request(Caller caller, Request request) {
    Validation v = new Validation();
    AuthRequests.checkAccessToken(v, request.accessToken());
    var email = v.optionalEmail("newEmail", request.newEmail());
    v.check(email.isPresent(), "newEmail", "required", "is required");
    v.throwIfInvalid();
    ChangePassword.requireOwnToken(provider, caller, request.accessToken());
    provider.requestEmailChange(request.accessToken(), email.orElseThrow().toLowerCase(Locale.ROOT));
  }

  public UserProfile verify(Caller caller, AuthRequests.AccessToken request) {
    request.validate(true);
    ChangePassword.requireOwnToken(provider, caller, request.accessToken());
    String verified = provider.verifyEmailChange(request.accessToken(), request.code());
    UserProfile current = users.find(caller.userId()).orElseThrow(() -> new DomainException.NotFound("Profile"));
    Instant now = clock.instant();
    UserProfile next = current.withEmail(verified, now);
    users.update(next, new AuditEntry(now, caller.userId(), "user.email-changed", caller.userId(),
        current.membership().tenant(), Map.of()));
    return next;
  }

  public record Request(String accessToken, String newEmail) {}
}
