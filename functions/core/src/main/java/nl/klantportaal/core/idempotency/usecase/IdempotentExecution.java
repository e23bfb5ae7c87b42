package nl.klantportaal.core.idempotency.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import nl.klantportaal.core.idempotency.port.IdempotencyKey;
import nl.klantportaal.core.idempotency.port.IdempotencyStore;
import nl.klantportaal.core.idempotency.port.StoredResponse;
import nl.klantportaal.core.shared.concurrent.Alongside;

/**
 * Runs a request at most once per Idempotency-Key: the first request claims the key with a
 * conditional write and stores its answer; a retry with the same body gets that answer (waiting
 * briefly while the first is still running); the same key with another body is refused.
 */
public final class IdempotentExecution {
  private final IdempotencyStore store;
  private final Clock clock;
  private final Duration retention;
  private final Duration maxWait;

  public IdempotentExecution(IdempotencyStore store, Clock clock, Duration retention, Duration maxWait) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
    this.maxWait = maxWait;
  }

  public StoredResponse execute(IdempotencyKey key, String requestHash, Supplier<StoredResponse> work) {
    Instant deadline = clock.instant().plus(maxWait);
    long pauseMillis = 20;
    while (true) {
      Instant now = clock.instant();
      if (store.tryClaim(key, requestHash, now, now.plus(retention))) {
        return runClaimed(key, work);
      }
      Optional<IdempotencyStore.Record> existing = store.find(key, now);
      if (existing.isPresent()) {
        if (!existing.get().requestHash().equals(requestHash)) {
          throw new IdempotencyConflict(IdempotencyConflict.Kind.KEY_REUSED);
        }
        if (existing.get().response().isPresent()) {
          return existing.get().response().get();
        }
        if (!clock.instant().isBefore(deadline)) {
          throw new IdempotencyConflict(IdempotencyConflict.Kind.IN_PROGRESS);
        }
      }
      Alongside.pause(pauseMillis, "a concurrent request with the same Idempotency-Key");
      pauseMillis = Math.min(pauseMillis * 2, 250);
    }
  }

  /**
   * As {@link #execute}, with the key claimed alongside the request's reads instead of before them, for a
   * route whose only write is one transaction that first passes {@link ClaimGate#beforeWrite()}: the claim
   * costs no round trip of its own. When the claim is lost (another request holds the key) nothing was
   * written, and the request is answered as {@link #execute} answers it (the stored answer, or a wait).
   */
  public StoredResponse executeAlongsideReads(IdempotencyKey key, String requestHash, Supplier<StoredResponse> work) {
    Instant now = clock.instant();
    ClaimGate gate = ClaimGate.open(Alongside.start(() -> store.tryClaim(key, requestHash, now, now.plus(retention))));
    StoredResponse response;
    try {
      response = work.get();
    } catch (ClaimGate.ClaimLost lost) {
      gate.close();
      return execute(key, requestHash, work);
    } catch (RuntimeException e) {
      gate.close();
      if (gate.claimed()) {
        store.release(key);
      }
      throw e;
    }
    gate.close();
    if (!gate.claimed()) {
      return execute(key, requestHash, work); // answered without writing while another request held the key
    }
    if (response.status() >= 500) {
      store.release(key);
    } else {
      store.complete(key, response);
    }
    return response;
  }

  private StoredResponse runClaimed(IdempotencyKey key, Supplier<StoredResponse> work) {
    StoredResponse response;
    try {
      response = work.get();
    } catch (RuntimeException e) {
      store.release(key);
      throw e;
    }
    if (response.status() >= 500) {
      store.release(key);
    } else {
      store.complete(key, response);
    }
    return response;
  }

  /** The key is held by another request (still running) or was used for a different request. */
  public static final class IdempotencyConflict extends RuntimeException {
    private final Kind kind;

    public IdempotencyConflict(Kind kind) {
      super(kind.name(), null, false, false);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    public enum Kind { KEY_REUSED, IN_PROGRESS }
  }
}
