package nl.klantportaal.core.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.idempotency.port.IdempotencyKey;
import nl.klantportaal.core.idempotency.port.StoredResponse;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;

/**
 * Wraps a route so that requests carrying an {@code Idempotency-Key} header run once: the key is
 * scoped to the caller's tenant, the caller and the route; the body (and path) fingerprint decides
 * whether a retry is the same request.
 */
public final class Idempotent {
  private Idempotent() {}

  public static Route.Handler route(IdempotentExecution execution, Route.Handler inner) {
    return route(execution, inner, false);
  }

  /**
   * As {@link #route}, with the key claimed alongside the route's reads
   * ({@link IdempotentExecution#executeAlongsideReads}): only for a route whose one write is a single
   * transaction preceded by {@code ClaimGate.beforeWrite()} (POST /tickets).
   */
  public static Route.Handler routeClaimingAlongsideReads(IdempotentExecution execution, Route.Handler inner) {
    return route(execution, inner, true);
  }

  private static Route.Handler route(IdempotentExecution execution, Route.Handler inner, boolean alongside) {
    return request -> {
      Optional<String> key = request.header("idempotency-key");
      if (key.isEmpty()) {
        return inner.handle(request);
      }
      String clientKey = key.get().strip();
      if (clientKey.isEmpty() || clientKey.length() > 255) {
        throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Idempotency-Key must be 1 to 255 characters");
      }
      Caller caller = request.requireCaller();
      IdempotencyKey scoped = new IdempotencyKey(caller.tenant(), caller.userId(), request.routeKey(), clientKey);
      java.util.function.Supplier<StoredResponse> work = () -> {
        ApiResponse response = inner.handle(request);
        return new StoredResponse(response.status(), response.headers(), response.body());
      };
      StoredResponse answer = alongside ? execution.executeAlongsideReads(scoped, fingerprint(request), work)
          : execution.execute(scoped, fingerprint(request), work);
      return new ApiResponse(answer.status(), answer.headers(), answer.body());
    };
  }

  static String fingerprint(ApiRequest request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.path().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(request.body());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
