package nl.klantportaal.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local HTTP API: routes per the template's HttpApi events, the JWT authorizer, CORS, a real
 * payload 2.0 event to the function in this JVM, and {@code portal/} for everything that is not a route.
 * Logs one line per request: method, path, status, milliseconds, function.
 */
public final class Gateway implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final HttpApiRoutes routes;
  private final FunctionCatalog functions;
  private final StaticSite site;
  private final Clock clock;

  private Gateway(HttpServer server, HttpApiRoutes routes, FunctionCatalog functions, StaticSite site, Clock clock) {
    this.server = server;
    this.routes = routes;
    this.functions = functions;
    this.site = site;
    this.clock = clock;
  }

  public static Gateway start(int port, HttpApiRoutes routes, FunctionCatalog functions, StaticSite site, Clock clock) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(Ports.HOST, port), 64);
      Gateway gateway = new Gateway(server, routes, functions, site, clock);
      server.createContext("/", gateway::handle);
      server.setExecutor(gateway.executor);
      server.start();
      return gateway;
    } catch (IOException e) {
      throw new StartFailure("The gateway cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant started = Instant.now();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String function = "-";
    ApiResponse response;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"));
      Optional<Cors> cors = routes.cors().filter(c -> origin.isPresent() && c.allows(origin.get()));
      if (method.equals("OPTIONS") && cors.isPresent()
          && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
        response = new ApiResponse(204, multi(cors.get().preflight(origin.get())), new byte[0]);
      } else {
        Optional<HttpApiRoute.Match> match = routes.match(method, path);
        if (match.isPresent()) {
          function = match.get().route().function();
          response = invoke(exchange, match.get(), body);
        } else {
          response = site.serve(method, path);
        }
        if (cors.isPresent()) {
          response.headers().putAll(multi(cors.get().simple(origin.get())));
        }
      }
    } catch (RuntimeException e) {
      System.out.println("Gateway error on " + method + " " + path + ":");
      e.printStackTrace(System.out);
      response = ApiResponse.json(500, "{\"message\":\"Internal Server Error\"}");
    }
    send(exchange, response);
    System.out.printf("%s %s %d %d ms %s%n", method, path, response.status(),
        Duration.between(started, Instant.now()).toMillis(), function);
  }

  private ApiResponse invoke(HttpExchange exchange, HttpApiRoute.Match match, byte[] body) throws IOException {
    Optional<JwtAuthorizer.Verified> jwt = Optional.empty();
    if (match.route().authorizer().isPresent()) {
      jwt = match.route().authorizer().get()
          .verify(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
      if (jwt.isEmpty()) {
        ApiResponse unauthorized = ApiResponse.json(401, "{\"message\":\"Unauthorized\"}");
        unauthorized.headers().put("www-authenticate", List.of("Bearer"));
        return unauthorized;
      }
    }
    Map<String, Object> event = ApiEvent.of(exchange, match, body, ApiEvent.requestId(), jwt, clock.instant());
    InvocationResult result = functions.require(match.route().function()).invoke(AwsJsonApi.JSON.writeValueAsBytes(event));
    return switch (result) {
      case InvocationResult.Success success -> ApiResponse.from(success.json());
      case InvocationResult.Failure failure -> ApiResponse.json(500, "{\"message\":\"Internal Server Error\"}");
    };
  }

  private static Map<String, List<String>> multi(Map<String, String> single) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    single.forEach((k, v) -> headers.put(k, List.of(v)));
    return headers;
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
    boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
    exchange.close();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

}
