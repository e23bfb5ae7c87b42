package nl.klantportaal.accounts.wiring;

import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbCustomerRepository;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbSignInAttempts;
import nl.klantportaal.accounts.adapter.dynamodb.DynamoDbUserRepository;
import nl.klantportaal.accounts.adapter.dynamodb.NoticeItems;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.ThrottlePolicy;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.accounts.identity.usecase.SignInGuard;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * The identity context's stored data, which other contexts read too: profiles, customers, the sign-in
 * guard. The user pool and app client (Cognito) are wired in the identity functions' module
 * ({@code CognitoWiring}), the only one that calls Cognito.
 */
public final class IdentityWiring {
  private final KernelWiring kernel;

  private IdentityWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static IdentityWiring of(KernelWiring kernel) {
    return new IdentityWiring(kernel);
  }

  public CustomerRepository customers() {
    return new DynamoDbCustomerRepository(kernel.table());
  }

  public UserRepository users() {
    return new DynamoDbUserRepository(kernel.table());
  }

  /**
   * Profiles whose changes queue account notices (the e-mail-change notice) in the same transaction, in the
   * format of the context that sends them: the identity function's outbox adapter.
   */
  public UserRepository users(NoticeItems notices) {
    return new DynamoDbUserRepository(kernel.table(), notices);
  }

  public SignInGuard signInGuard() {
    return new SignInGuard(new DynamoDbSignInAttempts(kernel.table()), ThrottlePolicy.DEFAULT, kernel.clock());
  }
}
