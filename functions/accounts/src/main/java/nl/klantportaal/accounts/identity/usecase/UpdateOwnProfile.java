package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Versions;

/** The user changes its own names, language, mail preferences or dashboard. */
public final class UpdateOwnProfile {
  private final UserRepository users;
  private final UserDirectory directory;
  private final Clock clock;

  public UpdateOwnProfile(UserRepository users, UserDirectory directory, Clock clock) {
    this.users = users;
    this.directory = directory;
    this.clock = clock;
  }

  public UserProfile execute(Caller caller, ProfileInput input) {
    UserProfile current = users.find(caller.userId()).orElseThrow(() -> new DomainException.NotFound("Profile"));
    ProfileInput.Valid valid = input.applyTo(current);
    Versions.require("Your profile", current.version(), valid.version());
    Instant now = clock.instant();
    UserProfile next = current.withDetails(valid.name(), valid.language(), valid.settings(), now);
    users.update(next, new AuditEntry(now, caller.userId(), "user.profile-changed", caller.userId(),
        current.membership().tenant(), Map.of()));
    if (!next.name().equals(current.name()) || next.language() != current.language()) {
      directory.updateNameAndLanguage(caller.userId(), next.name(), next.language());
    }
    return next;
  }
}
