package nl.klantportaal.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) for the template's
 * functions, so that cognito-local's triggers (and any SDK Lambda client) reach the handlers in this JVM.
 */
public final class LambdaInvokeApi implements AutoCloseable {

  private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private volatile Optional<FunctionCatalog> functions = Optional.empty();

  private LambdaInvokeApi(HttpServer server) {
    this.server = server;
  }

  public static LambdaInvokeApi start(int port) {
    try {
      LambdaInvokeApi api = new LambdaInvokeApi(HttpServer.create(new InetSocketAddress(Ports.HOST, port), 32));
      api.server.createContext("/", api::handle);
      api.server.setExecutor(api.executor);
      api.server.start();
      return api;
    } catch (IOException e) {
      throw new StartFailure("The Lambda endpoint cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The functions become invocable once the catalog exists (after the user pool ids are known). */
  public void serve(FunctionCatalog catalog) {
    functions = Optional.of(catalog);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant started = Instant.now();
    byte[] payload;
    try (InputStream in = exchange.getRequestBody()) {
      payload = in.readAllBytes();
    }
    Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
    if (!exchange.getRequestMethod().equals("POST") || !matcher.matches()) {
      send(exchange, 404, Map.of("x-amzn-ErrorType", "UnknownOperationException"), "{\"message\":\"Unknown operation\"}");
      return;
    }
    String name = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    Optional<FunctionInvoker> invoker = functions.flatMap(catalog -> catalog.invoker(name));
    if (invoker.isEmpty()) {
      send(exchange, 404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
          "{\"Type\":\"User\",\"message\":\"Function not found: " + name.replace("\"", "") + "\"}");
      return;
    }
    boolean async = "Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
    if (async) {
      send(exchange, 202, Map.of(), "");
      executor.submit(() -> invoker.get().invoke(payload));
      log("Event", invoker.get(), 202, started);
      return;
    }
    InvocationResult result = invoker.get().invoke(payload);
    switch (result) {
      case InvocationResult.Success success -> send(exchange, 200,
          Map.of("X-Amz-Executed-Version", "$LATEST", "x-amzn-RequestId", success.requestId()), success.json());
      case InvocationResult.Failure failure -> send(exchange, 200,
          Map.of("X-Amz-Function-Error", "Unhandled", "x-amzn-RequestId", failure.requestId()),
          AwsJsonApi.JSON.writeValueAsString(Map.of("errorType", failure.errorType(), "errorMessage", failure.errorMessage())));
    }
    log("Invoke", invoker.get(), result instanceof InvocationResult.Success ? 200 : 500, started);
  }

  private static void log(String kind, FunctionInvoker invoker, int status, Instant started) {
    System.out.printf("LAMBDA %s %d %d ms %s%n", kind, status, Duration.between(started, Instant.now()).toMillis(),
        invoker.function().name());
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
