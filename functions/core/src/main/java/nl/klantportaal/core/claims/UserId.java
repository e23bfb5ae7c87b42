package nl.klantportaal.core.claims;

/** The Cognito {@code sub} of a user: stable for the life of the account, unlike the e-mail. */
public record UserId(String value) {
  public UserId {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new IllegalArgumentException("User id must be 1..128 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
