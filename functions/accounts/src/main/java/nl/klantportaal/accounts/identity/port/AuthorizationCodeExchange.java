package nl.klantportaal.accounts.identity.port;

/**
 * The user pool's OAuth token endpoint ({@code /oauth2/token} of its domain): an authorization code
 * from the hosted sign-in (here: through Entra ID) and its PKCE verifier become the pool's tokens.
 * Only the functions hold the app client's secret, so the exchange happens here, not in the browser.
 * A code the pool refuses (unknown, spent, expired, another redirect URI, a wrong verifier) is
 * {@link nl.klantportaal.core.shared.domain.DomainException.Refused} {@code INVALID_CODE}.
 */
public interface AuthorizationCodeExchange {
  IdentityProvider.Tokens exchange(String code, String codeVerifier, String redirectUri);
}
