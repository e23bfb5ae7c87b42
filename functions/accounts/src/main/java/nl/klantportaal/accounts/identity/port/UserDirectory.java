package nl.klantportaal.accounts.identity.port;

import nl.klantportaal.accounts.identity.domain.UserProfile.PersonName;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * The identity provider's side of an account (Cognito in AWS). Authorization never reads it: the
 * group is a mirror for the console, the sign-out makes a change take effect now instead of at
 * the next token refresh. Every operation on a user the directory does not know throws
 * {@link NoSuchAccount}. One contract suite (UserDirectoryContract in functions/identity-testing)
 * holds the in-memory fake and the Cognito adapter on the local cloud to the same behaviour.
 */
public interface UserDirectory {

  /** Puts the user in exactly the group of its role (none for {@link Role#NONE}). */
  void mirrorRole(UserId user, Role role);

  /** Keeps the pool's name and locale attributes (used in Cognito's own mails) in step with the profile. */
  void updateNameAndLanguage(UserId user, PersonName name, Language language);

  /** Turns the user's TOTP factor off; the portal then asks for a new enrolment before anything else. */
  void resetMfa(UserId user);

  /**
   * Creates a provider staff account; the identity provider mails a temporary password and asks
   * for a new one at the first sign-in. Answers the new user's id; {@link AccountExists} if the
   * address has an account already.
   */
  UserId createStaffAccount(String email, PersonName name, Language language);

  /**
   * The bootstrap's account: created with the given temporary password and no mail (the operator
   * hands it over), asking for a new password at the first sign-in. An account that exists for the
   * address already (an interrupted earlier bootstrap) keeps its id and gets this temporary password.
   */
  UserId provideAccountWithTemporaryPassword(String email, PersonName name, Language language, String temporaryPassword);

  /** Revokes every refresh token of the user, so the next refresh goes through the trigger again. */
  void signOutEverywhere(UserId user);

  /**
   * Deletes the account (GDPR erasure): it can no longer sign in, and its refresh tokens no longer
   * give tokens. ID tokens already issued stay valid until they expire (15 minutes, docs/claims.md).
   */
  void deleteAccount(UserId user);

  /** The directory has no such user. */
  final class NoSuchAccount extends RuntimeException {
    public NoSuchAccount(UserId user) {
      super("No account " + user.value() + " in the user directory", null, false, false);
    }
  }

  /** The address has an account already. */
  final class AccountExists extends RuntimeException {
    public AccountExists(String email) {
      super("An account exists for " + email, null, false, false);
    }
  }
}
