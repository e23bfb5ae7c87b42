package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.EmailChangeNotice;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.AccountMailbox;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * A new e-mail address counts only once the code sent to it comes back; until then the old one stays. Once it
 * counts, the old address is told ({@link EmailChangeNotice}): the profile, its audit entry and the notice are
 * written in one transaction, then the notice is sent (docs/security.md, "Account security notices").
 *
 * <p>The identity provider changes the address first (it checks the code), the table after it. Should that
 * transaction fail (DynamoDB unavailable), nothing of the change is in the table and nothing is mailed; the answer
 * is an error, and the user sends the code again. Cognito spends a code once (a second use is refused as expired),
 * so a repeated verify whose code is refused while the provider holds a <em>verified</em> address other than the
 * profile's records that change then, with its notice: the change is neither lost nor half written. A verify that
 * finds the profile at the verified address already changes and mails nothing.
 */
public final class ChangeEmail {
  private final IdentityProvider provider;
  private final UserRepository users;
  private final AccountMailbox mailbox;
  private final Clock clock;

  public ChangeEmail(IdentityProvider provider, UserRepository users, AccountMailbox mailbox, Clock clock) {
    this.provider = provider;
    this.users = users;
    this.mailbox = mailbox;
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
    UserProfile current = users.find(caller.userId()).orElseThrow(() -> new DomainException.NotFound("Profile"));
    String verified = verifiedAddress(request, current);
    if (verified.equalsIgnoreCase(current.email())) {
      return current;
    }
    Instant now = clock.instant();
    UserProfile next = current.withEmail(verified, now);
    var notice = new EmailChangeNotice(current.id(), current.membership().tenant(), next.version(), current.email(),
        verified, current.name().display(), current.language(), now);
    users.update(next, new AuditEntry(now, caller.userId(), "user.email-changed", caller.userId(),
        current.membership().tenant(), Map.of()), notice);
    mailbox.send(notice);
    return next;
  }

  /**
   * The address the code proves; or, for a code the provider refuses as spent or wrong, the provider's verified
   * address when it is not the profile's (an earlier verify got through the provider but not into the table).
   */
  private String verifiedAddress(AuthRequests.AccessToken request, UserProfile current) {
    try {
      return provider.verifyEmailChange(request.accessToken(), request.code());
    } catch (DomainException.Refused refused) {
      if (refused.reason() != DomainException.Refused.Reason.EXPIRED_CODE
          && refused.reason() != DomainException.Refused.Reason.INVALID_CODE) {
        throw refused;
      }
      return provider.verifiedEmail(request.accessToken())
          .filter(address -> !address.equalsIgnoreCase(current.email()))
          .orElseThrow(() -> refused);
    }
  }

  public record Request(String accessToken, String newEmail) {}
}
