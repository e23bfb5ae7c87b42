package nl.klantportaal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the local gateway received it, before any decoding: what API Gateway hands
 * on in a payload 2.0 event (raw path and query exactly as sent, headers by lower-case name).
 */
record HttpRequestData(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    String sourceIp, int localPort, byte[] body) {

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT))).filter(v -> !v.isEmpty())
        .map(List::getFirst);
  }
}
