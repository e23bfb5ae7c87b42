package nl.klantportaal.accounts.identity.usecase;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.PasswordPolicy;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * The first provider admin of a deployment (nobody can create it through the API, which needs a
 * provider admin): the account in the user directory with a temporary password the operator hands
 * over, its profile, its group and a {@code bootstrap} entry in the provider-wide audit. Refuses as
 * soon as any provider admin exists, so it can never create a second one; run again after an
 * interruption it completes the account (the directory keeps the same user, with a new temporary
 * password).
 */
public final class BootstrapProviderAdmin {
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%+-=?@";

  private final UserRepository users;
  private final UserDirectory directory;
  private final Clock clock;
  private final SecureRandom random;

  public BootstrapProviderAdmin(UserRepository users, UserDirectory directory, Clock clock, SecureRandom random) {
    this.users = users;
    this.directory = directory;
    this.clock = clock;
    this.random = random;
  }

  /** The created admin and the temporary password to hand over (asked to be replaced at the first sign-in). */
  public record Bootstrapped(UserProfile admin, String temporaryPassword) {}

  public Bootstrapped execute(String email, String firstName, String lastName, Language language) {
    Validation v = new Validation();
    var address = v.optionalEmail("email", email);
    v.check(address.isPresent(), "email", "required", "is required");
    var first = v.requiredText("firstName", firstName, 100);
    var last = v.requiredText("lastName", lastName, 100);
    v.throwIfInvalid();
    Optional<UserProfile> existing = firstProviderAdmin();
    if (existing.isPresent()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "A provider admin exists already (" + existing.get().email() + "); provider admins create further staff"
              + " accounts in the portal");
    }
    String lower = address.orElseThrow().toLowerCase(Locale.ROOT);
    var name = new UserProfile.PersonName(first.orElseThrow(), last.orElseThrow(), first.orElseThrow() + " " + last.orElseThrow());
    String password = temporaryPassword(lower);
    Instant now = clock.instant();
    UserId id = directory.provideAccountWithTemporaryPassword(lower, name, language, password);
    UserProfile profile = UserProfile.staff(id, lower, name, language, Role.PROVIDER_ADMIN, now);
    users.create(profile, new AuditEntry(now, id, "bootstrap", id, Optional.empty(),
        Map.of("role", Role.PROVIDER_ADMIN.wireName())));
    directory.mirrorRole(id, Role.PROVIDER_ADMIN);
    return new Bootstrapped(profile, password);
  }

  private Optional<UserProfile> firstProviderAdmin() {
    PageRequest request = PageRequest.first(100);
    while (true) {
      Page<UserProfile> page = users.staff(request);
      var admin = page.items().stream().filter(p -> p.membership().role() == Role.PROVIDER_ADMIN).findFirst();
      if (admin.isPresent() || page.nextCursor().isEmpty()) {
        return admin;
      }
      request = new PageRequest(page.nextCursor(), 100);
    }
  }

  /** 20 characters from each class the policy asks for, shuffled; checked against the policy itself. */
  String temporaryPassword(String email) {
    while (true) {
      List<Character> chars = new ArrayList<>();
      String all = UPPER + LOWER + DIGITS + SYMBOLS;
      for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
        chars.add(set.charAt(random.nextInt(set.length())));
      }
      while (chars.size() < 20) {
        chars.add(all.charAt(random.nextInt(all.length())));
      }
      Collections.shuffle(chars, random);
      StringBuilder password = new StringBuilder();
      chars.forEach(password::append);
      if (PasswordPolicy.check("password", password.toString(), email).isEmpty()) {
        return password.toString();
      }
    }
  }
}
