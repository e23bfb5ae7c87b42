package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * After the e-mail code is confirmed (Cognito PostConfirmation), the account is stored as pending
 * until the provider links it to a customer. A redelivered trigger changes nothing.
 */
public final class RegisterConfirmedUser {
  private final UserRepository users;
  private final Clock clock;

  public RegisterConfirmedUser(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  public UserProfile execute(UserId id, String email, UserProfile.PersonName name, Language language) {
    Instant now = clock.instant();
    UserProfile profile = UserProfile.signedUp(id, email, name, language, now);
    return users.createIfAbsent(profile) ? profile : users.find(id).orElseThrow();
  }
}
