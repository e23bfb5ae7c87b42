package nl.klantportaal.core.idempotency.port;

import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

/** An Idempotency-Key as the client sent it, scoped to the caller's tenant, the caller and the route. */
public record IdempotencyKey(Optional<TenantId> tenant, UserId user, String routeKey, String clientKey) {
  public IdempotencyKey {
    if (clientKey.isBlank() || clientKey.length() > 255) {
      throw new IllegalArgumentException("Idempotency-Key must be 1..255 characters");
    }
  }
}
