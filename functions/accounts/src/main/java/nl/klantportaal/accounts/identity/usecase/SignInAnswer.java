package nl.klantportaal.accounts.identity.usecase;

import java.util.Optional;
import nl.klantportaal.accounts.identity.port.IdentityProvider;

/**
 * A sign-in step as the API answers it: the ID and access tokens, or the next challenge with its
 * session. Never the refresh token: that goes into an HttpOnly cookie scripts cannot read
 * (docs/claims.md, "Sessions").
 */
public record SignInAnswer(String status, Optional<String> session, Optional<String> idToken,
    Optional<String> accessToken, Optional<Integer> expiresIn) {

  public static SignInAnswer of(IdentityProvider.SignInStep step) {
    return switch (step) {
      case IdentityProvider.SignInStep.SignedIn signedIn -> tokens(signedIn.tokens());
      case IdentityProvider.SignInStep.TotpRequired totp -> challenge("totp-required", totp.session());
      case IdentityProvider.SignInStep.NewPasswordRequired newPassword -> challenge("new-password-required", newPassword.session());
    };
  }

  public static SignInAnswer tokens(IdentityProvider.Tokens tokens) {
    return new SignInAnswer("signed-in", Optional.empty(), Optional.of(tokens.idToken()), Optional.of(tokens.accessToken()),
        Optional.of(tokens.expiresInSeconds()));
  }

  private static SignInAnswer challenge(String status, String session) {
    return new SignInAnswer(status, Optional.of(session), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
