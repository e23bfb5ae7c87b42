package nl.klantportaal.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A front's way to the stand-in behind it (CognitoFront before cognito-local, SesFront before
 * aws-ses-v2-local): the request with the same path, query, method and the named headers, answered
 * as bytes.
 */
record Forwarding(URI upstream, HttpClient http, List<String> headers, String name) {

  static Forwarding to(URI upstream, List<String> headers, String name) {
    return new Forwarding(upstream, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), List.copyOf(headers),
        name);
  }

  HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    URI uri = upstream.resolve(exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : headers) {
      Optional.ofNullable(exchange.getRequestHeaders().getFirst(header)).ifPresent(v -> request.header(header, v));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to " + name, e);
    }
  }
}
