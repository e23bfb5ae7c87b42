package nl.klantportaal.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local HTTP API: routes per the template's HttpApi events, the JWT authorizer, CORS, a real
 * payload 2.0 event to the function in this JVM, and {@code portal/} for everything that is not a route.
 * Logs one line per request: method, path, status, milliseconds, function.
 *
 * <p>It runs on Jetty (the server DynamoDB Local brings) with every URI accepted as sent, so that a
 * request API Gateway would pass on (a malformed escape in the query, an empty path segment) reaches
 * the routing here too; what the server itself still refuses (an unreadable request line) is answered
 * in problem+json, never an HTML page.
 */
public final class Gateway implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;
  private final HttpApiRoutes routes;
  private final FunctionCatalog functions;
  private final StaticSite site;
  private final Clock clock;

  private Gateway(Server server, ServerConnector connector, HttpApiRoutes routes, FunctionCatalog functions,
      StaticSite site, Clock clock) {
    this.server = server;
    this.connector = connector;
    this.routes = routes;
    this.functions = functions;
    this.site = site;
    this.clock = clock;
  }

  public static Gateway start(int port, HttpApiRoutes routes, FunctionCatalog functions, StaticSite site, Clock clock) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("gateway");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(Ports.HOST);
    connector.setPort(port);
    server.addConnector(connector);
    Gateway gateway = new Gateway(server, connector, routes, functions, site, clock);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        gateway.handle(request, response, callback);
        return true;
      }
    });
    server.setErrorHandler(new ProblemErrorHandler());
    try {
      server.start();
      return gateway;
    } catch (Exception e) {
      throw new StartFailure("The gateway cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  private void handle(Request jettyRequest, Response jettyResponse, Callback callback) {
    Instant started = Instant.now();
    String method = jettyRequest.getMethod();
    String path = Optional.ofNullable(jettyRequest.getHttpURI().getPath()).orElse("/");
    String function = "-";
    ApiResponse response;
    try (InputStream in = Content.Source.asInputStream(jettyRequest)) {
      HttpRequestData request = new HttpRequestData(method, path,
          Optional.ofNullable(jettyRequest.getHttpURI().getQuery()).orElse(""), headers(jettyRequest),
          Request.getRemoteAddr(jettyRequest), Request.getLocalPort(jettyRequest), in.readAllBytes());
      Optional<String> origin = request.header("Origin");
      Optional<Cors> cors = routes.cors().filter(c -> origin.isPresent() && c.allows(origin.get()));
      if (method.equals("OPTIONS") && cors.isPresent() && request.header("Access-Control-Request-Method").isPresent()) {
        response = new ApiResponse(204, multi(cors.get().preflight(origin.get())), new byte[0]);
      } else {
        Optional<HttpApiRoute.Match> match = routes.match(method, path);
        if (match.isPresent()) {
          function = match.get().route().function();
          response = invoke(request, match.get());
        } else {
          response = site.serve(method, path);
        }
        if (cors.isPresent()) {
          response.headers().putAll(multi(cors.get().simple(origin.get())));
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("Gateway error on " + method + " " + path + ":");
      e.printStackTrace(System.out);
      response = ApiResponse.json(500, "{\"message\":\"Internal Server Error\"}");
    }
    send(jettyResponse, method, response, callback);
    System.out.printf("%s %s %d %d ms %s%n", method, path, response.status(),
        Duration.between(started, Instant.now()).toMillis(), function);
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  private ApiResponse invoke(HttpRequestData request, HttpApiRoute.Match match) throws IOException {
    Optional<JwtAuthorizer.Verified> jwt = Optional.empty();
    if (match.route().authorizer().isPresent()) {
      jwt = match.route().authorizer().get().verify(request.header("Authorization"));
      if (jwt.isEmpty()) {
        ApiResponse unauthorized = ApiResponse.json(401, "{\"message\":\"Unauthorized\"}");
        unauthorized.headers().put("www-authenticate", List.of("Bearer"));
        return unauthorized;
      }
    }
    Map<String, Object> event = ApiEvent.of(request, match, ApiEvent.requestId(), jwt, clock.instant());
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

  private static void send(Response jettyResponse, String method, ApiResponse response, Callback callback) {
    jettyResponse.setStatus(response.status());
    response.headers().forEach((name, values) -> values.forEach(v -> jettyResponse.getHeaders().add(name, v)));
    boolean empty = response.body().length == 0 || method.equals("HEAD");
    jettyResponse.getHeaders().put("content-length", Integer.toString(response.body().length));
    jettyResponse.write(true, empty ? ByteBuffer.allocate(0) : ByteBuffer.wrap(response.body()), callback);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("The gateway did not stop", e);
    }
  }

  /**
   * What Jetty answers itself (a request it cannot read) in problem+json, as every answer of the
   * local gateway that API Gateway would not send in its own {@code {"message": ...}} form.
   */
  private static final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 400;
      Object message = request.getAttribute(ERROR_MESSAGE);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "urn:klantportaal:problem:bad-request");
      problem.put("title", "The request cannot be read");
      problem.put("status", status);
      problem.put("detail", message == null ? "Bad request" : message.toString());
      response.getHeaders().put("content-type", "application/problem+json");
      try {
        response.write(true, ByteBuffer.wrap(AwsJsonApi.JSON.writeValueAsBytes(problem)), callback);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        callback.failed(e);
      }
      return true;
    }
  }
}
