package nl.klantportaal.identity.adapter.cognito;

import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * A stand-in for Cognito in a test that needs only part of it (there is no Cognito in-process; cognito-local runs in the
 * local cloud): every call it does not override fails, naming what the stand-in is for, so a test that reaches beyond
 * its part says so instead of passing on an answer nobody chose.
 */
public abstract class PartialIdentityProvider implements IdentityProvider {
  private final String part;

  /** {@code part}: what the stand-in covers, as the failure says it ("the e-mail change"). */
  protected PartialIdentityProvider(String part) {
    this.part = part;
  }

  @Override
  public void signUp(String email, String password, UserProfile.PersonName name, Language language) {
    throw unused();
  }

  @Override
  public void confirmSignUp(String email, String code) {
    throw unused();
  }

  @Override
  public void resendSignUpCode(String email) {
    throw unused();
  }

  @Override
  public SignInStep signIn(String email, String password) {
    throw unused();
  }

  @Override
  public SignInStep answerTotp(String email, String session, String code) {
    throw unused();
  }

  @Override
  public SignInStep answerNewPassword(String email, String session, String newPassword) {
    throw unused();
  }

  @Override
  public Tokens refresh(UserId user, String refreshToken) {
    throw unused();
  }

  @Override
  public void signOut(String refreshToken) {
    throw unused();
  }

  @Override
  public void forgotPassword(String email) {
    throw unused();
  }

  @Override
  public void confirmForgotPassword(String email, String code, String newPassword) {
    throw unused();
  }

  @Override
  public void changePassword(String accessToken, String currentPassword, String newPassword) {
    throw unused();
  }

  @Override
  public UserId userOf(String accessToken) {
    throw unused();
  }

  @Override
  public void requestEmailChange(String accessToken, String newEmail) {
    throw unused();
  }

  @Override
  public String verifyEmailChange(String accessToken, String code) {
    throw unused();
  }

  @Override
  public Optional<String> verifiedEmail(String accessToken) {
    throw unused();
  }

  @Override
  public String startTotpEnrolment(String accessToken) {
    throw unused();
  }

  @Override
  public void completeTotpEnrolment(String accessToken, String code) {
    throw unused();
  }

  private UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not part of " + part);
  }
}
