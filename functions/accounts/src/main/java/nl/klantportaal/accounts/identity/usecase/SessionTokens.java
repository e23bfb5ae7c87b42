package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.claims.UserId;

/**
 * A session after sign-in (POST /auth/refresh, /auth/sign-out): fresh tokens from the refresh
 * token, whose new ID token carries the claims as they are now, and signing out, which revokes the
 * refresh token and every token issued from it.
 */
public final class SessionTokens {
  private final IdentityProvider provider;

  public SessionTokens(IdentityProvider provider) {
    this.provider = provider;
  }

  public IdentityProvider.Tokens refresh(AuthRequests.Refresh request) {
    AuthRequests.Refresh valid = request.validate();
    return provider.refresh(new UserId(valid.userId()), valid.refreshToken());
  }

  public void signOut(AuthRequests.SignOut request) {
    provider.signOut(request.validate());
  }
}
