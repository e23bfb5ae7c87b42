package nl.klantportaal.accounts.identity.usecase;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.port.AuthorizationCodeExchange;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * Sign-in through the provider's Microsoft Entra ID (docs/claims.md, "Single sign-on"): the portal
 * asks where to send the browser ({@link #start()}: the pool's authorize endpoint, the app client,
 * the identity provider and the one redirect URI), sends it there with its own PKCE challenge and
 * state, and brings the code back ({@link #complete}). A deployment without SSO answers
 * {@code enabled: false} and refuses codes as not found.
 */
public final class SingleSignOn {
  /** The scopes the portal asks for; without {@code aws.cognito.signin.user.admin} (see docs/claims.md). */
  public static final String SCOPE = "openid email profile";

  private final Optional<Settings> settings;
  private final AuthorizationCodeExchange exchange;

  public SingleSignOn(Optional<Settings> settings, AuthorizationCodeExchange exchange) {
    this.settings = settings;
    this.exchange = exchange;
  }

  /** Where the portal sends the browser: the pool's authorize endpoint and what the request must name. */
  public record Settings(String authorizeEndpoint, String clientId, String identityProvider, String redirectUri) {}

  /** GET /auth/sso's answer. */
  public record Start(boolean enabled, Optional<String> authorizeEndpoint, Optional<String> clientId,
      Optional<String> identityProvider, Optional<String> redirectUri, Optional<String> scope) {}

  public Start start() {
    return settings.map(s -> new Start(true, Optional.of(s.authorizeEndpoint()), Optional.of(s.clientId()),
            Optional.of(s.identityProvider()), Optional.of(s.redirectUri()), Optional.of(SCOPE)))
        .orElseGet(() -> new Start(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()));
  }

  /** The code of the callback and the verifier of the portal's PKCE challenge, exchanged for the pool's tokens. */
  public IdentityProvider.Tokens complete(Code request) {
    Settings s = settings.orElseThrow(() -> new DomainException.NotFound("Single sign-on is not set up"));
    Code valid = request.validate();
    if (!valid.redirectUri().equals(s.redirectUri())) {
      throw new DomainException.InvalidInput(List.of(new FieldError("redirectUri", "mismatch",
          "must be the portal's redirect URI " + s.redirectUri())));
    }
    return exchange.exchange(valid.code(), valid.codeVerifier(), valid.redirectUri());
  }

  /** POST /auth/sso/token's body. */
  public record Code(String code, String codeVerifier, String redirectUri) {
    /** RFC 7636: 43 to 128 characters of the unreserved set. */
    private static final String VERIFIER = "[A-Za-z0-9._~-]{43,128}";

    public Code validate() {
      Validation v = new Validation();
      v.requiredText("code", code, 2048).ifPresent(c ->
          v.check(c.matches("[A-Za-z0-9._~-]+"), "code", "format", "Not an authorization code"));
      v.requiredText("codeVerifier", codeVerifier, 128).ifPresent(c ->
          v.check(c.matches(VERIFIER), "codeVerifier", "format", "Not a PKCE code verifier (RFC 7636)"));
      v.requiredText("redirectUri", redirectUri, 2048);
      v.throwIfInvalid();
      return this;
    }
  }
}
