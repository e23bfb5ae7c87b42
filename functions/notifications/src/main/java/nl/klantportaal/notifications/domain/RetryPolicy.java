package nl.klantportaal.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail whose send failed is tried again: after 5, 10, 20, 40, 80 minutes, then every 2 hours,
 * at most {@code maxAttempts} sends in all; after that the outbox entry is FAILED. {@code lease} is
 * how long a freshly claimed entry waits before the retry job treats its first send as lost (a
 * function that died between claim and send).
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(5));

  public RetryPolicy {
    if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lease.isNegative()) {
      throw new IllegalArgumentException("Retry policy out of range");
    }
  }

  /** After {@code attempts} failed sends: the next attempt's time, or empty when the mail is given up. */
  public Optional<Instant> next(int attempts, Instant now) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = firstDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return Optional.of(now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
  }
}
