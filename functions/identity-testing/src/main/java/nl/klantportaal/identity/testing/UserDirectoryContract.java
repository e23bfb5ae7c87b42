package nl.klantportaal.identity.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.UserProfile.PersonName;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/**
 * What the portal relies on from the user directory, run against every implementation: the
 * in-memory fake of the handler tests (functions/identity) and the Cognito adapter on the local
 * cloud, cognito-local behind the front that stands in for its two gaps (infrastructure/local).
 * A subclass supplies the directory and a {@link Pool} that observes the pool the way a user and
 * the console would (groups, attributes, MFA settings, sign-in, refresh).
 */
public abstract class UserDirectoryContract {

  /** The directory under test. */
  protected abstract UserDirectory directory();

  /** The same pool, observed from outside the port. */
  protected abstract Pool pool();

  /** An account as the tests use it: its id, address and password, and the refresh token of a session. */
  public record Account(UserId id, String email, String password, String refreshToken) {}

  /** The pool seen as a user and the console see it. */
  public interface Pool {
    /** A signed-up, confirmed account with TOTP enrolled and one signed-in session. */
    Account enrolledAccount(String email);

    /** A further signed-in session of the account (with its TOTP code where one is asked). */
    Account newSession(Account account);

    Set<String> groups(UserId user);

    Map<String, String> attributes(UserId user);

    /** TOTP is on for the user (Cognito: in the UserMFASettingList). */
    boolean totpEnabled(UserId user);

    /** Signing in with the account's password asks for a TOTP code. */
    boolean signInAsksForTotp(Account account);

    /** The session's refresh token still gives new tokens. */
    boolean refreshes(Account account);

    /** Signing in with this password asks for a new password (a temporary one set by an admin). */
    boolean asksForNewPassword(String email, String password);
  }

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contract.example.test";
  }

  private static final PersonName NAME = new PersonName("Noor", "Visser", "Noor Visser");

  @Test
  void mirrorRolePutsTheUserInExactlyTheGroupOfItsRole() {
    Account account = pool().enrolledAccount(address("role"));

    directory().mirrorRole(account.id(), Role.CUSTOMER_USER);
    assertEquals(Set.of("customer-user"), pool().groups(account.id()));
    directory().mirrorRole(account.id(), Role.CUSTOMER_ADMIN);
    assertEquals(Set.of("customer-admin"), pool().groups(account.id()), "the old role's group is left");
    directory().mirrorRole(account.id(), Role.CUSTOMER_ADMIN);
    assertEquals(Set.of("customer-admin"), pool().groups(account.id()), "repeating is harmless");
    directory().mirrorRole(account.id(), Role.NONE);
    assertEquals(Set.of(), pool().groups(account.id()), "no role, no group");
  }

  @Test
  void updateNameAndLanguageSetsTheAttributesCognitosOwnMailsUse() {
    Account account = pool().enrolledAccount(address("names"));

    directory().updateNameAndLanguage(account.id(), new PersonName("Anna", "de Boer", "Anna B."), Language.DE);

    Map<String, String> attributes = pool().attributes(account.id());
    assertEquals("Anna", attributes.get("given_name"));
    assertEquals("de Boer", attributes.get("family_name"));
    assertEquals("Anna B.", attributes.get("name"));
    assertEquals("de", attributes.get("locale"));
    assertEquals(account.email(), attributes.get("email"), "the address is not touched");
  }

  @Test
  void resetMfaTurnsTotpOffSoTheNextSignInAsksNoCode() {
    Account account = pool().enrolledAccount(address("mfa"));
    assertTrue(pool().totpEnabled(account.id()));
    assertTrue(pool().signInAsksForTotp(account));

    directory().resetMfa(account.id());

    assertFalse(pool().totpEnabled(account.id()));
    assertFalse(pool().signInAsksForTotp(account), "the portal then asks for a new enrolment");
    directory().resetMfa(account.id());
    assertFalse(pool().totpEnabled(account.id()), "a second reset is harmless");
  }

  @Test
  void signOutEverywhereEndsEverySessionButNotTheNextOne() {
    Account account = pool().enrolledAccount(address("signout"));
    Account second = pool().newSession(account);
    assertTrue(pool().refreshes(account));
    assertTrue(pool().refreshes(second));

    directory().signOutEverywhere(account.id());

    assertFalse(pool().refreshes(account), "refresh refused after the global sign-out");
    assertFalse(pool().refreshes(second), "every session, not just one");
    Account later = pool().newSession(account);
    assertTrue(pool().refreshes(later), "signing in again works");
  }

  @Test
  void createStaffAccountCreatesANamedAccountWithoutGroupOnce() {
    String email = address("staff");

    UserId id = directory().createStaffAccount(email, NAME, Language.EN);

    Map<String, String> attributes = pool().attributes(id);
    assertEquals(email, attributes.get("email"));
    assertEquals("true", attributes.get("email_verified"));
    assertEquals("Noor", attributes.get("given_name"));
    assertEquals("Visser", attributes.get("family_name"));
    assertEquals("Noor Visser", attributes.get("name"));
    assertEquals("en", attributes.get("locale"));
    assertEquals(id.value(), attributes.get("sub"), "the portal's user id is the pool's sub");
    assertEquals(Set.of(), pool().groups(id));
    assertThrows(UserDirectory.AccountExists.class, () -> directory().createStaffAccount(email, NAME, Language.EN));
  }

  @Test
  void provideAccountWithTemporaryPasswordIsRepeatableAndAsksForANewPassword() {
    String email = address("bootstrap");

    UserId id = directory().provideAccountWithTemporaryPassword(email, NAME, Language.NL, "Eerste-Tijdelijk-42!");

    assertTrue(pool().asksForNewPassword(email, "Eerste-Tijdelijk-42!"));
    assertEquals("nl", pool().attributes(id).get("locale"));
    UserId again = directory().provideAccountWithTemporaryPassword(email, NAME, Language.NL, "Tweede-Tijdelijk-43!");
    assertEquals(id, again, "an interrupted bootstrap completes the same account");
    assertTrue(pool().asksForNewPassword(email, "Tweede-Tijdelijk-43!"));
    // Whether the first temporary password still works is not part of the contract: cognito-local
    // offers NEW_PASSWORD_REQUIRED even for a wrong one (EMULATORS.md), Cognito does not.
  }

  @Test
  void everyOperationOnAnUnknownUserIsNoSuchAccount() {
    UserId unknown = new UserId(UUID.randomUUID().toString());
    Account known = pool().enrolledAccount(address("known"));
    assertNotEquals(known.id(), unknown);

    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().mirrorRole(unknown, Role.CUSTOMER_USER));
    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().updateNameAndLanguage(unknown, NAME, Language.NL));
    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().resetMfa(unknown));
    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().signOutEverywhere(unknown));
    assertTrue(pool().refreshes(known), "nobody else was signed out");
  }

  @Test
  void aDeletedAccountNoLongerRefreshesAndIsNoLongerKnown() {
    Account account = pool().enrolledAccount(address("erased"));
    assertTrue(pool().refreshes(account));

    directory().deleteAccount(account.id());
    assertFalse(pool().refreshes(account), "the session ends with the account");
    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().deleteAccount(account.id()));
    assertThrows(UserDirectory.NoSuchAccount.class, () -> directory().signOutEverywhere(account.id()));
  }
}
