package nl.klantportaal.identity.handler;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.core.identity.domain.Role;
import nl.klantportaal.core.identity.domain.UserId;
import nl.klantportaal.core.identity.port.UserDirectory;

/**
 * The test double for the user pool where cognito-local has a gap (AdminUserGlobalSignOut answers
 * 500 there). {@link UserDirectoryContract} holds it to the same behaviour as the real adapter.
 */
final class InMemoryUserDirectory implements UserDirectory {
  private final Map<UserId, Role> groups = new ConcurrentHashMap<>();
  private final Set<UserId> signedOut = ConcurrentHashMap.newKeySet();
  private final Map<UserId, String> attributes = new ConcurrentHashMap<>();
  private final Set<UserId> mfaReset = ConcurrentHashMap.newKeySet();
  private final Map<String, UserId> created = new ConcurrentHashMap<>();

  @Override
  public void mirrorRole(UserId user, Role role) {
    if (role == Role.NONE) {
      groups.remove(user);
    } else {
      groups.put(user, role);
    }
  }

  @Override
  public void updateNameAndLanguage(UserId user, nl.klantportaal.core.identity.domain.UserProfile.PersonName name,
      nl.klantportaal.core.shared.domain.Language language) {
    attributes.put(user, name.display() + "|" + language.tag());
  }

  @Override
  public void resetMfa(UserId user) {
    mfaReset.add(user);
  }

  @Override
  public UserId createStaffAccount(String email, nl.klantportaal.core.identity.domain.UserProfile.PersonName name,
      nl.klantportaal.core.shared.domain.Language language) {
    UserId id = new UserId(java.util.UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    created.put(email, id);
    return id;
  }

  @Override
  public void signOutEverywhere(UserId user) {
    signedOut.add(user);
  }

  Optional<Role> group(UserId user) {
    return Optional.ofNullable(groups.get(user));
  }

  Optional<String> nameAndLanguage(UserId user) {
    return Optional.ofNullable(attributes.get(user));
  }

  Set<UserId> mfaReset() {
    return new HashSet<>(mfaReset);
  }

  Optional<UserId> createdAccount(String email) {
    return Optional.ofNullable(created.get(email));
  }

  Set<UserId> signedOut() {
    return new HashSet<>(signedOut);
  }
}
