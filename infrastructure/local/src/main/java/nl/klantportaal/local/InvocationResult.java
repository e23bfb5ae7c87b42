package nl.klantportaal.local;

import java.nio.charset.StandardCharsets;

/** What one invocation produced: the handler's JSON answer, or its error as Lambda reports an unhandled one. */
public sealed interface InvocationResult {

  String requestId();

  record Success(String requestId, byte[] payload) implements InvocationResult {
    public String json() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  record Failure(String requestId, String errorType, String errorMessage) implements InvocationResult {}
}
