package nl.klantportaal.core.idempotency.usecase;

import java.util.concurrent.Future;
import nl.klantportaal.core.shared.concurrent.Alongside;

/**
 * The Idempotency-Key's claim of a request whose claim is made alongside its reads
 * ({@link IdempotentExecution#executeAlongsideReads}): the route's one write waits here for the claim
 * ({@link #beforeWrite()}), so nothing is written unless this request holds the key. Outside such a
 * request {@link #beforeWrite()} does nothing. One per request thread.
 */
public final class ClaimGate {
  private static final ThreadLocal<ClaimGate> CURRENT = new ThreadLocal<>();

  private final Future<Boolean> claim;

  private ClaimGate(Future<Boolean> claim) {
    this.claim = claim;
  }

  /**
   * Call before the route's one write (a repository's transaction): returns when this request holds the
   * key; {@link ClaimLost} when another request holds it or held it (nothing may be written).
   */
  public static void beforeWrite() {
    ClaimGate gate = CURRENT.get();
    if (gate != null && !gate.claimed()) {
      throw new ClaimLost();
    }
  }

  static ClaimGate open(Future<Boolean> claim) {
    ClaimGate gate = new ClaimGate(claim);
    CURRENT.set(gate);
    return gate;
  }

  void close() {
    CURRENT.remove();
  }

  /** Waits for the claim: true when this request holds the key. */
  boolean claimed() {
    return Alongside.joined(claim, "the Idempotency-Key's claim");
  }

  /** Another request holds (or held) the key: this one writes nothing and answers as that one did. */
  public static final class ClaimLost extends RuntimeException {
    ClaimLost() {
      super("The Idempotency-Key is held by another request", null, false, false);
    }
  }
}
