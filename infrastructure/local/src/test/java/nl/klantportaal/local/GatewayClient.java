package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.testing.OpenApiDocument;

/**
 * Calls to a local cloud's gateway as the portal makes them: a JSON body, and the caller's ID token
 * as bearer token when there is one ({@code null} for the anonymous routes). On a cloud of the
 * project's template.yaml every answer of a documented route is held to docs/openapi.yaml (status,
 * media type, schema): an answer the document does not describe fails the test that got it.
 */
record GatewayClient(URI base, HttpClient http, Optional<OpenApiDocument> document) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiDocument PROJECT_DOCUMENT = OpenApiDocument.project();

  /** With an HTTP client of its own: no connection is kept from one cloud to the next. */
  GatewayClient(URI base) {
    this(base, HttpClient.newHttpClient(), Optional.empty());
  }

  static GatewayClient of(LocalCloud cloud) {
    boolean projectTemplate = cloud.templateFile().toAbsolutePath().normalize()
        .equals(SamTemplate.projectRoot().resolve("template.yaml").toAbsolutePath().normalize());
    return new GatewayClient(cloud.endpoints().gateway(), HttpClient.newHttpClient(),
        projectTemplate ? Optional.of(PROJECT_DOCUMENT) : Optional.empty());
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
    HttpRequest built = request.build();
    HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (document.isPresent()) {
      Optional<String> routeKey = document.get().routeKeyOf(built.method(), built.uri().getRawPath());
      if (routeKey.isPresent()) {
        List<String> problems = document.get().check(routeKey.get(), answer.statusCode(),
            answer.headers().firstValue("content-type"), answer.body());
        assertEquals(List.of(), problems, "the answer to " + built.method() + " " + built.uri().getRawPath()
            + " is not as docs/openapi.yaml says: " + answer.body());
      }
    }
    return answer;
  }

  /**
   * A request written on the socket exactly as given (a request line no URI class would build, such
   * as a malformed escape), answered as status, lower-case headers and body.
   */
  RawAnswer raw(String requestLine, String... headerLines) throws IOException {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine).append("\r\n");
      request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
      for (String header : headerLines) {
        request.append(header).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int split = answer.indexOf("\r\n\r\n");
      String[] head = answer.substring(0, split).split("\r\n");
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), head[i].substring(colon + 1).trim());
      }
      return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), headers, answer.substring(split + 4));
    }
  }

  record RawAnswer(int status, java.util.Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /** The body of a successful (2xx) answer. */
  static JsonNode json(HttpResponse<String> response) throws IOException {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return JSON.readTree(response.body());
  }
}
