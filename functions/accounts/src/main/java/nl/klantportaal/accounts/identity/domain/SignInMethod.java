package nl.klantportaal.accounts.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the sign-in behind a token was made: with the pool's own password (and the portal's TOTP), or
 * through an external identity provider (Microsoft Entra ID, docs/claims.md "Single sign-on"), whose
 * own authentication methods (its {@code amr} claim, as of that sign-in) decide the MFA state.
 */
public sealed interface SignInMethod {
  /** The value of {@code amr} that says a second factor was used (RFC 8176; Entra ID sends it after MFA). */
  String MULTI_FACTOR = "mfa";

  /** A password sign-in of the pool itself: MFA is the portal's TOTP enrolment. */
  record Local() implements SignInMethod {}

  /** A sign-in through the identity provider {@code provider}, with the methods it reported. */
  record Federated(String provider, Set<String> authenticationMethods) implements SignInMethod {
    public Federated {
      authenticationMethods = Set.copyOf(authenticationMethods);
    }

    /** True only when the identity provider itself reported a second factor for this sign-in. */
    public boolean multiFactor() {
      return authenticationMethods.contains(MULTI_FACTOR);
    }
  }

  /**
   * The methods of an {@code amr} value as it reaches the user pool: a JSON array ({@code ["pwd","mfa"]}), or
   * the values separated by commas or spaces. Values are compared in lower case; anything else (blank, an
   * object) gives no methods, so no MFA.
   */
  static Set<String> parseAuthenticationMethods(String raw) {
    String trimmed = raw.strip();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    return Arrays.stream(trimmed.split("[,\\s]+"))
        .map(v -> v.strip().replaceAll("^\"|\"$", "").toLowerCase(Locale.ROOT))
        .filter(v -> v.matches("[a-z0-9_-]{1,32}"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
