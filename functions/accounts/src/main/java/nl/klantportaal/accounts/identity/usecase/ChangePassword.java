package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;

/** The signed-in user changes its password: the current one, and a new one that meets the policy. */
public final class ChangePassword {
  private final IdentityProvider provider;

  public ChangePassword(IdentityProvider provider) {
    this.provider = provider;
  }

  public void execute(Caller caller, AuthRequests.ChangePassword request) {
    var valid = request.validate(caller.email().orElse(""));
    requireOwnToken(provider, caller, valid.accessToken());
    provider.changePassword(valid.accessToken(), valid.currentPassword(), valid.newPassword());
  }

  /** Cognito's user calls take an access token; it must be the caller's own, as the verified ID token says. */
  static void requireOwnToken(IdentityProvider provider, Caller caller, String accessToken) {
    if (!provider.userOf(accessToken).equals(caller.userId())) {
      throw new DomainException.Forbidden("The access token belongs to another account");
    }
  }
}
