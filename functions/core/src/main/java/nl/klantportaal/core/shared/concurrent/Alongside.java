package nl.klantportaal.core.shared.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work a request starts alongside its own (a read, the Idempotency-Key's claim) on a virtual thread,
 * and the waiting that goes with it: no pool to size, nothing kept when idle. The only concurrency in
 * the request path (docs/architecture.md, "A create is three sequential round trips").
 */
public final class Alongside {
  private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private Alongside() {}

  public static <T> Future<T> start(Callable<T> work) {
    return THREADS.submit(work);
  }

  /** The work's value; its failure as it was thrown. {@code what} names it in the message of an interrupt. */
  public static <T> T joined(Future<T> work, String what) {
    try {
      return work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + what, e);
    }
  }

  /** Sleeps {@code millis}; an interrupt ends the request. */
  public static void pause(long millis, String what) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + what, e);
    }
  }
}
