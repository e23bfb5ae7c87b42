package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * Password, then (once enrolled) the TOTP code. Both steps pass the brute-force guard first and
 * count their failures; wrong password and unknown account answer the same.
 */
public final class SignIn {
  private final IdentityProvider provider;
  private final SignInGuard guard;

  public SignIn(IdentityProvider provider, SignInGuard guard) {
    this.provider = provider;
    this.guard = guard;
  }

  public IdentityProvider.SignInStep withPassword(AuthRequests.SignIn request, String address) {
    AuthRequests.SignIn valid = request.validate();
    guard.checkAllowed(valid.email(), address);
    try {
      return provider.signIn(valid.email(), valid.password());
    } catch (DomainException.Refused e) {
      guard.recordFailure(valid.email(), address);
      throw e;
    }
  }

  public IdentityProvider.SignInStep withTotp(AuthRequests.TotpAnswer request, String address) {
    AuthRequests.TotpAnswer valid = request.validate();
    guard.checkAllowed(valid.email(), address);
    try {
      return provider.answerTotp(valid.email(), valid.session(), valid.code());
    } catch (DomainException.Refused e) {
      guard.recordFailure(valid.email(), address);
      throw e;
    }
  }

  /** First sign-in of an admin-created account: the temporary password is replaced by the user's own. */
  public IdentityProvider.SignInStep withNewPassword(AuthRequests.NewPassword request, String address) {
    AuthRequests.NewPassword valid = request.validate();
    guard.checkAllowed(valid.email(), address);
    try {
      return provider.answerNewPassword(valid.email(), valid.session(), valid.newPassword());
    } catch (DomainException.Refused e) {
      guard.recordFailure(valid.email(), address);
      throw e;
    }
  }
}
