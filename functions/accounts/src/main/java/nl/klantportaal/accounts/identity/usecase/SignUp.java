package nl.klantportaal.accounts.identity.usecase;

import nl.klantportaal.accounts.identity.port.IdentityProvider;

/**
 * Self-service sign-up (POST /auth/sign-up, /auth/confirm, /auth/resend-code): the account, the
 * e-mailed code that confirms the address, and that code again. An address that has an account
 * already is answered like a new one, so nobody learns which addresses have accounts.
 */
public final class SignUp {
  private final IdentityProvider provider;

  public SignUp(IdentityProvider provider) {
    this.provider = provider;
  }

  public void start(AuthRequests.SignUp request) {
    AuthRequests.SignUp.Valid valid = request.validate();
    provider.signUp(valid.email(), valid.password(), valid.name(), valid.language());
  }

  public void confirm(AuthRequests.EmailCode request) {
    AuthRequests.EmailCode valid = request.validate();
    provider.confirmSignUp(valid.email(), valid.code());
  }

  public void resendCode(AuthRequests.Email request) {
    provider.resendSignUpCode(request.validate());
  }
}
