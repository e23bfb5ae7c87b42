package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls to a local cloud's gateway as the portal makes them: a JSON body, and the caller's ID token
 * as bearer token when there is one ({@code null} for the anonymous routes).
 */
record GatewayClient(URI base, HttpClient http) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** With an HTTP client of its own: no connection is kept from one cloud to the next. */
  GatewayClient(URI base) {
    this(base, HttpClient.newHttpClient());
  }

  static GatewayClient of(LocalCloud cloud) {
    return new GatewayClient(cloud.endpoints().gateway());
  }

  HttpResponse<String> get(String path, String idToken) throws IOException, InterruptedException {
    return send(request(path, idToken).GET());
  }

  HttpResponse<String> post(String path, String body, String idToken) throws IOException, InterruptedException {
    return send(request(path, idToken).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, String body, String idToken) throws IOException, InterruptedException {
    return send(request(path, idToken).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> patch(String path, String body, String idToken) throws IOException, InterruptedException {
    return send(request(path, idToken).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request as the portal sends it (content-type JSON, bearer ID token if any), for extra headers or another body. */
  HttpRequest.Builder request(String path, String idToken) {
    var builder = to(path).header("content-type", "application/json");
    return idToken == null ? builder : builder.header("authorization", "Bearer " + idToken);
  }

  /** A bare request to {@code path}: no header at all. */
  HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a successful (2xx) answer. */
  static JsonNode json(HttpResponse<String> response) throws IOException {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return JSON.readTree(response.body());
  }
}
