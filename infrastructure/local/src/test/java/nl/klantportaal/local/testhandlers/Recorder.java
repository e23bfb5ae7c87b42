package nl.klantportaal.local.testhandlers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What the test handlers received, per channel, for the tests in the same JVM to take. */
public final class Recorder {

  private static final Map<String, BlockingQueue<Object>> CHANNELS = new ConcurrentHashMap<>();

  private Recorder() {}

  public static void record(String channel, Object value) {
    queue(channel).add(value);
  }

  /** The next value on the channel, or an AssertionError naming the channel after a generous wait. */
  public static <T> T next(String channel, Class<T> type) {
    try {
      Object value = queue(channel).poll(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
      if (value == null) {
        throw new AssertionError("Nothing arrived on " + channel);
      }
      return type.cast(value);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + channel, e);
    }
  }

  public static void clear(String channel) {
    queue(channel).clear();
  }

  private static BlockingQueue<Object> queue(String channel) {
    return CHANNELS.computeIfAbsent(channel, c -> new LinkedBlockingQueue<>());
  }
}
