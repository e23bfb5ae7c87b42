package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * Provider staff do not sign up: a provider admin creates their account (or, for the very first
 * admin of a deployment, the bootstrap command does). The new colleague gets a temporary password by
 * mail, chooses an own one at the first sign-in and then enrols MFA like everyone else.
 */
public final class CreateStaffAccount {
  private final UserRepository users;
  private final UserDirectory directory;
  private final Clock clock;

  public CreateStaffAccount(UserRepository users, UserDirectory directory, Clock clock) {
    this.users = users;
    this.directory = directory;
    this.clock = clock;
  }

  public UserProfile execute(UserId actor, Input input) {
    Validation v = new Validation();
    var email = v.optionalEmail("email", input.email());
    v.check(email.isPresent(), "email", "required", "is required");
    var first = v.requiredText("firstName", input.firstName(), 100);
    var last = v.requiredText("lastName", input.lastName(), 100);
    var display = v.requiredText("displayName", input.displayName(), 100);
    var role = v.requiredEnum("role", input.role(), new Role[] {Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN}, Role::wireName);
    var language = v.optionalEnum("language", input.language(), Language.values(), Language::tag);
    v.throwIfInvalid();
    var name = new UserProfile.PersonName(first.orElseThrow(), last.orElseThrow(), display.orElseThrow());
    String address = email.orElseThrow().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    UserId id;
    try {
      id = directory.createStaffAccount(address, name, language.orElse(Language.NL));
    } catch (UserDirectory.AccountExists e) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "An account exists for " + address);
    }
    UserProfile profile = UserProfile.staff(id, address, name, language.orElse(Language.NL), role.orElseThrow(), now);
    users.create(profile, new AuditEntry(now, actor, "staff.created", id, Optional.empty(),
        Map.of("role", role.orElseThrow().wireName())));
    directory.mirrorRole(id, role.orElseThrow());
    return profile;
  }

  public record Input(String email, String firstName, String lastName, String displayName, String role, String language) {}
}
