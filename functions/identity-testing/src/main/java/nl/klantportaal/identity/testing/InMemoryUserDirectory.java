package nl.klantportaal.identity.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.UserProfile.PersonName;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.core.shared.domain.Language;

/**
 * The user pool in memory, for handler tests. {@link UserDirectoryContract} holds it to the same
 * behaviour as the Cognito adapter on the local cloud (cognito-local behind the local front), so
 * what a handler test sees here is what the portal sees there.
 */
public final class InMemoryUserDirectory implements UserDirectory {

  /** One user of the pool. */
  private static final class Account {
    final UserId id;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Set<String> groups = new HashSet<>();
    final Set<String> refreshTokens = new HashSet<>();
    boolean totp;
    String password = "";
    boolean temporaryPassword;

    Account(UserId id, String email) {
      this.id = id;
      attributes.put("email", email);
      attributes.put("sub", id.value());
    }
  }

  private final Map<UserId, Account> accounts = new ConcurrentHashMap<>();
  private final Set<UserId> signedOut = ConcurrentHashMap.newKeySet();
  private final Set<UserId> mfaReset = ConcurrentHashMap.newKeySet();
  private final Set<UserId> attributesUpdated = ConcurrentHashMap.newKeySet();

  // --- the pool's side, as sign-up and sign-in would leave it ---------------------------------------

  /** An account that signed up (the handler tests' fixture users). */
  public InMemoryUserDirectory add(UserId id, String email) {
    accounts.put(id, new Account(id, email));
    return this;
  }

  /** The user enrolled TOTP (as the AssociateSoftwareToken/VerifySoftwareToken pair leaves it). */
  public void enrolTotp(UserId id) {
    account(id).totp = true;
  }

  /** A completed sign-in: answers its refresh token. */
  public synchronized String signIn(UserId id) {
    String token = UUID.randomUUID().toString();
    account(id).refreshTokens.add(token);
    return token;
  }

  /** Whether the refresh token still gives tokens. */
  public synchronized boolean refreshes(String refreshToken) {
    return accounts.values().stream().anyMatch(a -> a.refreshTokens.contains(refreshToken));
  }

  public boolean totpEnabled(UserId id) {
    return account(id).totp;
  }

  public Set<String> groups(UserId id) {
    return Set.copyOf(account(id).groups);
  }

  public Map<String, String> attributes(UserId id) {
    return Map.copyOf(account(id).attributes);
  }

  /** Whether signing in with this password would ask for a new one (an admin-set temporary password). */
  public boolean asksForNewPassword(String email, String password) {
    return byEmail(email).map(a -> a.temporaryPassword && a.password.equals(password)).orElse(false);
  }

  // --- UserDirectory ---------------------------------------------------------------------------------

  @Override
  public synchronized void mirrorRole(UserId user, Role role) {
    Account account = account(user);
    for (Role each : Role.values()) {
      if (each != Role.NONE) {
        account.groups.remove(each.wireName());
      }
    }
    if (role != Role.NONE) {
      account.groups.add(role.wireName());
    }
  }

  @Override
  public synchronized void updateNameAndLanguage(UserId user, PersonName name, Language language) {
    Account account = account(user);
    account.attributes.put("given_name", name.first());
    account.attributes.put("family_name", name.last());
    account.attributes.put("name", name.display());
    account.attributes.put("locale", language.tag());
    attributesUpdated.add(user);
  }

  @Override
  public synchronized void resetMfa(UserId user) {
    account(user).totp = false;
    mfaReset.add(user);
  }

  @Override
  public synchronized UserId createStaffAccount(String email, PersonName name, Language language) {
    if (byEmail(email).isPresent()) {
      throw new AccountExists(email);
    }
    UserId id = new UserId(UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString());
    Account account = new Account(id, email);
    named(account, name, language);
    account.temporaryPassword = true; // mailed by the pool: unknown to the caller
    accounts.put(id, account);
    return id;
  }

  @Override
  public synchronized UserId provideAccountWithTemporaryPassword(String email, PersonName name, Language language,
      String temporaryPassword) {
    Account account = byEmail(email).orElseGet(() -> {
      UserId id = new UserId(UUID.randomUUID().toString());
      Account created = new Account(id, email);
      named(created, name, language);
      accounts.put(id, created);
      return created;
    });
    account.password = temporaryPassword;
    account.temporaryPassword = true;
    return account.id;
  }

  @Override
  public synchronized void signOutEverywhere(UserId user) {
    account(user).refreshTokens.clear();
    signedOut.add(user);
  }

  @Override
  public synchronized void deleteAccount(UserId user) {
    account(user);
    accounts.remove(user);
    signedOut.add(user);
  }

  // --- what handler tests ask ------------------------------------------------------------------------

  public Optional<Role> group(UserId user) {
    return Optional.ofNullable(accounts.get(user)).flatMap(a -> a.groups.stream().findFirst()).flatMap(Role::fromWire);
  }

  /** "display name|language" once the portal updated the attributes. */
  public Optional<String> nameAndLanguage(UserId user) {
    return attributesUpdated.contains(user)
        ? Optional.of(account(user).attributes.get("name") + "|" + account(user).attributes.get("locale"))
        : Optional.empty();
  }

  public Set<UserId> mfaReset() {
    return Set.copyOf(mfaReset);
  }

  public Optional<UserId> createdAccount(String email) {
    return byEmail(email).map(a -> a.id);
  }

  public Set<UserId> signedOut() {
    return Set.copyOf(signedOut);
  }

  private static void named(Account account, PersonName name, Language language) {
    account.attributes.put("email_verified", "true");
    account.attributes.put("given_name", name.first());
    account.attributes.put("family_name", name.last());
    account.attributes.put("name", name.display());
    account.attributes.put("locale", language.tag());
  }

  private Optional<Account> byEmail(String email) {
    return accounts.values().stream().filter(a -> email.equalsIgnoreCase(a.attributes.get("email"))).findFirst();
  }

  private Account account(UserId user) {
    Account account = accounts.get(user);
    if (account == null) {
      throw new NoSuchAccount(user);
    }
    return account;
  }
}
