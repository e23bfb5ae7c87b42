package nl.klantportaal.local;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/** Waiting, bounded, for what the local cloud does in the background (stream poller, outbox, sends). */
final class Poll {
  private static final Duration EVERY = Duration.ofMillis(100);

  private Poll() {}

  /** Something to read again on each try. */
  @FunctionalInterface
  interface Probe<T> {
    T read() throws Exception;
  }

  /**
   * Reads {@code probe} until {@code done} holds of what it read, and answers that; fails with
   * {@code failure} of the last reading once {@code within} has passed.
   */
  static <T> T until(Probe<T> probe, Predicate<T> done, Duration within, Function<T, String> failure) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      T read = probe.read();
      if (done.test(read)) {
        return read;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(failure.apply(read));
      }
      Thread.sleep(EVERY.toMillis());
    }
  }
}
