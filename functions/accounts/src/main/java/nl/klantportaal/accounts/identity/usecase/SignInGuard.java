package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import nl.klantportaal.accounts.identity.domain.ThrottlePolicy;
import nl.klantportaal.accounts.identity.port.SignInAttempts;
import nl.klantportaal.core.shared.domain.DomainException;

/** Refuses sign-in attempts over the brute-force limits before they reach Cognito, and counts failures. */
public final class SignInGuard {
  private final SignInAttempts attempts;
  private final ThrottlePolicy policy;
  private final Clock clock;

  public SignInGuard(SignInAttempts attempts, ThrottlePolicy policy, Clock clock) {
    this.attempts = attempts;
    this.policy = policy;
    this.clock = clock;
  }

  public void checkAllowed(String email, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(policy.window());
    var account = attempts.failuresSince(SignInAttempts.Scope.ACCOUNT_AND_ADDRESS, accountKey(email, address), since);
    var fromAddress = attempts.failuresSince(SignInAttempts.Scope.ADDRESS, address, since);
    policy.retryAfter(account, fromAddress, now).ifPresent(wait -> {
      throw new DomainException.TooManyAttempts(wait);
    });
  }

  public void recordFailure(String email, String address) {
    Instant now = clock.instant();
    attempts.recordFailure(SignInAttempts.Scope.ACCOUNT_AND_ADDRESS, accountKey(email, address), now);
    attempts.recordFailure(SignInAttempts.Scope.ADDRESS, address, now);
  }

  private static String accountKey(String email, String address) {
    return email.strip().toLowerCase(Locale.ROOT) + "\n" + address;
  }
}
