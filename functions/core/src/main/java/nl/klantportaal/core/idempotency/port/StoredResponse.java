package nl.klantportaal.core.idempotency.port;

import java.util.Map;

/** The answer given to the first request with a key, handed again to every retry. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
  public StoredResponse {
    headers = Map.copyOf(headers);
  }
}
