package nl.klantportaal.accounts.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klantportaal.core.shared.domain.FieldError;

/**
 * The portal's password rules, checked by the portal before Cognito sees the password (the pool
 * enforces the same minimum on AWS; the local stand-in enforces nothing): at least 12 characters
 * with an upper-case letter, a lower-case letter, a digit and a symbol, and not containing the
 * local part of the user's e-mail address.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  public static List<FieldError> check(String field, String password, String email) {
    List<FieldError> errors = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError(field, "required", "is required"));
      return errors;
    }
    if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      errors.add(new FieldError(field, "length", "must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters"));
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      errors.add(new FieldError(field, "uppercase", "needs an upper-case letter"));
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      errors.add(new FieldError(field, "lowercase", "needs a lower-case letter"));
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      errors.add(new FieldError(field, "digit", "needs a digit"));
    }
    if (password.chars().allMatch(Character::isLetterOrDigit)) {
      errors.add(new FieldError(field, "symbol", "needs a symbol such as ! # % or a space"));
    }
    String local = email == null || email.indexOf('@') < 0 ? "" : email.substring(0, email.indexOf('@'));
    if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))) {
      errors.add(new FieldError(field, "contains-email", "must not contain your e-mail name"));
    }
    return errors;
  }
}
