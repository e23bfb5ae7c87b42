package nl.klantportaal.core.identity.port;

import nl.klantportaal.core.identity.domain.Role;
import nl.klantportaal.core.identity.domain.UserId;

/**
 * The identity provider's side of an account (Cognito in AWS). Authorization never reads it: the
 * group is a mirror for the console, the sign-out makes a change take effect now instead of at
 * the next token refresh.
 */
public interface UserDirectory {

  /** Puts the user in exactly the group of its role (none for {@link Role#NONE}). */
  void mirrorRole(UserId user, Role role);

  /** Keeps the pool's name and locale attributes (used in Cognito's own mails) in step with the profile. */
  void updateNameAndLanguage(UserId user, nl.klantportaal.core.identity.domain.UserProfile.PersonName name,
      nl.klantportaal.core.shared.domain.Language language);

  /** Turns the user's TOTP factor off; the portal then asks for a new enrolment before anything else. */
  void resetMfa(UserId user);

  /**
   * Creates a provider staff account; the identity provider mails a temporary password and asks
   * for a new one at the first sign-in. Answers the new user's id.
   */
  UserId createStaffAccount(String email, nl.klantportaal.core.identity.domain.UserProfile.PersonName name,
      nl.klantportaal.core.shared.domain.Language language);

  /** Revokes every refresh token of the user, so the next refresh goes through the trigger again. */
  void signOutEverywhere(UserId user);
}
