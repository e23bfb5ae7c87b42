package nl.klantportaal.accounts.identity.usecase;

import java.util.List;
import java.util.Locale;
import nl.klantportaal.accounts.identity.domain.PasswordPolicy;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;

/** The bodies of the /auth routes and /me security routes, each validated as a whole. */
public final class AuthRequests {
  private static final String CODE = "[0-9]{6}";
  /** A JSON Web Token as Cognito issues access tokens: three base64url parts. */
  private static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
  /** Cognito's longest accepted token is far below this; anything longer is not one of its tokens. */
  private static final int MAX_TOKEN_LENGTH = 8192;

  private AuthRequests() {}

  public record SignUp(String email, String password, String firstName, String lastName, String displayName,
      String language) {
    public Valid validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      var first = v.requiredText("firstName", firstName, 100);
      var last = v.requiredText("lastName", lastName, 100);
      var display = v.requiredText("displayName", displayName, 100);
      var lang = v.optionalEnum("language", language, Language.values(), Language::tag);
      checkPassword(v, "password", password, mail);
      v.throwIfInvalid();
      return new Valid(mail, password, new UserProfile.PersonName(first.orElseThrow(), last.orElseThrow(),
          display.orElseThrow()), lang.orElse(Language.NL));
    }

    public record Valid(String email, String password, UserProfile.PersonName name, Language language) {}
  }

  public record EmailCode(String email, String code) {
    public EmailCode validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      checkCode(v, "code", code);
      v.throwIfInvalid();
      return new EmailCode(mail, code);
    }
  }

  public record Email(String email) {
    public String validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      v.throwIfInvalid();
      return mail;
    }
  }

  public record SignIn(String email, String password) {
    public SignIn validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      v.check(password != null && !password.isEmpty() && password.length() <= PasswordPolicy.MAX_LENGTH,
          "password", "required", "is required");
      v.throwIfInvalid();
      return new SignIn(mail, password);
    }
  }

  public record TotpAnswer(String email, String session, String code) {
    public TotpAnswer validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      v.requiredText("session", session, 4096);
      checkCode(v, "code", code);
      v.throwIfInvalid();
      return new TotpAnswer(mail, session, code);
    }
  }

  public record NewPassword(String email, String session, String newPassword) {
    public NewPassword validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      v.requiredText("session", session, 4096);
      checkPassword(v, "newPassword", newPassword, mail);
      v.throwIfInvalid();
      return new NewPassword(mail, session, newPassword);
    }
  }

  public record Refresh(String userId, String refreshToken) {
    public Refresh validate() {
      Validation v = new Validation();
      v.requiredText("userId", userId, 128);
      v.requiredText("refreshToken", refreshToken, 8192);
      v.throwIfInvalid();
      return this;
    }
  }

  public record SignOut(String refreshToken) {
    public String validate() {
      Validation v = new Validation();
      v.requiredText("refreshToken", refreshToken, 8192);
      v.throwIfInvalid();
      return refreshToken;
    }
  }

  public record ResetPassword(String email, String code, String newPassword) {
    public ResetPassword validate() {
      Validation v = new Validation();
      String mail = checkEmail(v, email);
      checkCode(v, "code", code);
      checkPassword(v, "newPassword", newPassword, mail);
      v.throwIfInvalid();
      return new ResetPassword(mail, code, newPassword);
    }
  }

  public record ChangePassword(String accessToken, String currentPassword, String newPassword) {
    public ChangePassword validate(String email) {
      Validation v = new Validation();
      checkAccessToken(v, accessToken);
      v.check(currentPassword != null && !currentPassword.isEmpty(), "currentPassword", "required", "is required");
      v.check(currentPassword == null || currentPassword.length() <= PasswordPolicy.MAX_LENGTH, "currentPassword",
          "too-long", "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
      checkPassword(v, "newPassword", newPassword, email);
      v.check(newPassword == null || !newPassword.equals(currentPassword), "newPassword", "unchanged",
          "must differ from the current password");
      v.throwIfInvalid();
      return this;
    }
  }

  public record AccessToken(String accessToken, String code) {
    public AccessToken validate(boolean needsCode) {
      Validation v = new Validation();
      checkAccessToken(v, accessToken);
      if (needsCode) {
        checkCode(v, "code", code);
      } else {
        v.check(code == null, "code", "not-allowed", "is not part of this request");
      }
      v.throwIfInvalid();
      return this;
    }
  }

  private static String checkEmail(Validation v, String value) {
    if (value == null || value.isBlank()) {
      v.check(false, "email", "required", "is required");
      return "";
    }
    return v.optionalEmail("email", value).map(e -> e.toLowerCase(Locale.ROOT)).orElse("");
  }

  /** The user's Cognito access token, which the /me security routes pass on: required and shaped like one. */
  public static void checkAccessToken(Validation v, String value) {
    if (value == null || value.isBlank()) {
      v.check(false, "accessToken", "required", "is required");
      return;
    }
    v.check(value.length() <= MAX_TOKEN_LENGTH && value.matches(JWT), "accessToken", "format",
        "must be the access token of your sign-in");
  }

  private static void checkCode(Validation v, String field, String value) {
    v.check(value != null && value.matches(CODE), field, "format", "must be the 6-digit code");
  }

  private static void checkPassword(Validation v, String field, String value, String email) {
    List<nl.klantportaal.core.shared.domain.FieldError> errors = PasswordPolicy.check(field, value, email);
    errors.forEach(e -> v.check(false, e.field(), e.code(), e.message()));
  }
}
