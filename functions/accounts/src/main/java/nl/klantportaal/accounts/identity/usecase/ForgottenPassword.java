package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.port.IdentityProvider;

/**
 * The forgotten password (POST /auth/forgot-password, /auth/reset-password): a code by mail, then a
 * new password with that code. Unknown addresses are answered like known ones.
 */
public final class ForgottenPassword {
  private final IdentityProvider provider;

  public ForgottenPassword(IdentityProvider provider) {
    this.provider = provider;
  }

  public void requestCode(AuthRequests.Email request) {
    provider.forgotPassword(request.validate());
  }

  public void reset(AuthRequests.ResetPassword request) {
    AuthRequests.ResetPassword valid = request.validate();
    provider.confirmForgotPassword(valid.email(), valid.code(), valid.newPassword());
  }
}
