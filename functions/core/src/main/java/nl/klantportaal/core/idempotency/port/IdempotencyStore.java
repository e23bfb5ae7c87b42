package nl.klantportaal.core.idempotency.port;

import java.time.Instant;
import java.util.Optional;

/** Remembers, per scoped key, which request claimed it and what was answered. */
public interface IdempotencyStore {

  /** Claims the key for a request with this hash; false if a live claim exists (conditional write). */
  boolean tryClaim(IdempotencyKey key, String requestHash, Instant now, Instant expiresAt);

  /** The live record of the key (a strongly consistent read). */
  Optional<Record> find(IdempotencyKey key, Instant now);

  void complete(IdempotencyKey key, StoredResponse response);

  /** Gives the key up after a failure, so that a retry runs the request again. */
  void release(IdempotencyKey key);

  record Record(String requestHash, Optional<StoredResponse> response) {}
}
