package nl.klantportaal.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An HTTP proxy in front of DynamoDB Local that records the operation of every request it forwards
 * ({@code X-Amz-Target}) and when it ran, so the benchmark knows which calls an invocation makes and
 * which of them overlap (made alongside each other: one sequential round trip).
 * Used only to count; the timed runs talk to DynamoDB Local directly.
 */
final class CountingProxy implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpServer server;
  private final URI target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Call> calls = new ArrayList<>();
  private int lastTransactItems;
  private byte[] lastTransactRequest = new byte[0];

  private CountingProxy(HttpServer server, URI target) {
    this.server = server;
    this.target = target;
  }

  static CountingProxy start(URI target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CountingProxy proxy = new CountingProxy(server, target);
    server.createContext("/", proxy::forward);
    // one thread per request: calls a function makes alongside each other must overlap here too
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return proxy;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** One forwarded request: its operation, and when it reached the proxy and when its answer left. */
  record Call(String operation, long startNanos, long endNanos, int requestBytes, int responseBytes) {}

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized void reset() {
    calls.clear();
  }

  synchronized int lastTransactItems() {
    return lastTransactItems;
  }

  /** The body of the last TransactWriteItems request forwarded (DynamoDB's JSON), for the same-items floor. */
  synchronized byte[] lastTransactRequest() {
    return lastTransactRequest.clone();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = amzTarget == null ? "?" : amzTarget.substring(amzTarget.indexOf('.') + 1);
      long start = System.nanoTime();
      synchronized (this) {
        if (operation.equals("TransactWriteItems")) {
          lastTransactItems = new ObjectMapper().readTree(body).path("TransactItems").size();
          lastTransactRequest = body;
        }
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("transfer-encoding")
            && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, new ArrayList<>(values));
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
      synchronized (this) {
        calls.add(new Call(operation, start, System.nanoTime(), body.length, response.body().length));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to DynamoDB Local", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
