package nl.klantportaal.core.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read through {@code source} at most once per {@code maxAge} per container: reference data
 * that a request may see up to {@code maxAge} old (docs/data-model.md, "Round trips per route").
 * Thread-safe (the due scan fires in parallel); {@link #invalidate()} makes the next read fresh, for
 * the container that changed it.
 */
public final class Refreshing<T> {
  private final Supplier<T> source;
  private final Duration maxAge;
  private final Clock clock;
  private T value;
  private Instant readAt = Instant.MIN;

  public Refreshing(Supplier<T> source, Duration maxAge, Clock clock) {
    this.source = Objects.requireNonNull(source);
    this.maxAge = Objects.requireNonNull(maxAge);
    this.clock = Objects.requireNonNull(clock);
  }

  public synchronized T get() {
    Instant now = clock.instant();
    if (value == null || !now.isBefore(readAt.plus(maxAge)) || now.isBefore(readAt)) {
      value = Objects.requireNonNull(source.get(), "a refreshing value's source returned null");
      readAt = now;
    }
    return value;
  }

  public synchronized void invalidate() {
    value = null;
  }
}
