package nl.klantportaal.accounts.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force limits for sign-in: 5 failures for one account from one address, or 20 from one
 * address, within 15 minutes. Counted per address on purpose: a stranger elsewhere cannot lock a
 * known account by failing on purpose.
 */
public record ThrottlePolicy(int perAccountAndAddress, int perAddress, Duration window) {

  public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, 20, Duration.ofMinutes(15));

  /**
   * Given the recent failures (each list: failure instants within the window, any order), how long
   * the caller must wait before the next attempt, if at all.
   */
  public Optional<Duration> retryAfter(List<Instant> accountFailures, List<Instant> addressFailures, Instant now) {
    Optional<Duration> account = wait(accountFailures, perAccountAndAddress, now);
    Optional<Duration> address = wait(addressFailures, perAddress, now);
    if (account.isEmpty()) {
      return address;
    }
    return address.map(a -> a.compareTo(account.get()) > 0 ? a : account.get()).or(() -> account);
  }

  private Optional<Duration> wait(List<Instant> failures, int limit, Instant now) {
    List<Instant> recent = failures.stream().filter(f -> f.isAfter(now.minus(window))).sorted().toList();
    if (recent.size() < limit) {
      return Optional.empty();
    }
    // Free again once enough of the oldest failures have left the window.
    Instant freedAt = recent.get(recent.size() - limit).plus(window);
    Duration wait = Duration.between(now, freedAt);
    return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
  }
}
