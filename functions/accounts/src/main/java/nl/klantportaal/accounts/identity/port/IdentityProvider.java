package nl.klantportaal.accounts.identity.port;

import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * Credentials, codes and tokens: Cognito in AWS (through the app client, whose secret only the
 * functions hold). Every "this account does not exist" and "wrong password" reads the same here,
 * so nothing above this port can leak which e-mail addresses have accounts; refusals are
 * {@link nl.klantportaal.core.shared.domain.DomainException.Refused}.
 */
public interface IdentityProvider {

  /** Starts a sign-up; an address that has an account already is answered the same way. */
  void signUp(String email, String password, UserProfile.PersonName name, Language language);

  void confirmSignUp(String email, String code);

  void resendSignUpCode(String email);

  SignInStep signIn(String email, String password);

  SignInStep answerTotp(String email, String session, String code);

  /** First sign-in of an account an admin created: the user's own password replaces the temporary one. */
  SignInStep answerNewPassword(String email, String session, String newPassword);

  Tokens refresh(UserId user, String refreshToken);

  /** Revokes the refresh token and every token issued from it. */
  void signOut(String refreshToken);

  void forgotPassword(String email);

  void confirmForgotPassword(String email, String code, String newPassword);

  void changePassword(String accessToken, String currentPassword, String newPassword);

  /** The user an access token belongs to, as the identity provider verifies it. */
  UserId userOf(String accessToken);

  /** Asks for an e-mail change; Cognito mails a code to the new address (the old one stays until verified). */
  void requestEmailChange(String accessToken, String newEmail);

  /** Verifies the code sent to the new address and answers the now verified address. */
  String verifyEmailChange(String accessToken, String code);

  /**
   * The account's e-mail address as the identity provider holds it, if it is verified (Cognito's {@code email} with
   * {@code email_verified = true}); empty while a new address waits for its code.
   */
  Optional<String> verifiedEmail(String accessToken);

  /** A new TOTP secret for the user of the access token (not active until verified). */
  String startTotpEnrolment(String accessToken);

  /** Checks the first code and makes TOTP the user's preferred second factor. */
  void completeTotpEnrolment(String accessToken, String code);

  /** Tokens of a completed sign-in. */
  record Tokens(String idToken, String accessToken, Optional<String> refreshToken, int expiresInSeconds) {}

  /** Where a sign-in stands after a step. */
  sealed interface SignInStep {
    record SignedIn(Tokens tokens) implements SignInStep {}

    record TotpRequired(String session) implements SignInStep {}

    record NewPasswordRequired(String session) implements SignInStep {}
  }
}
