package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.ClaimContract;
import nl.klantportaal.core.observability.Observability;
import org.slf4j.MDC;

/**
 * The edge between API Gateway (HTTP API, payload 2.0) and the {@link Dispatcher}: reads the event,
 * takes identity only from {@code requestContext.authorizer.jwt.claims}, sets up Powertools logging
 * with the API request id as correlation id, and flushes metrics after every request.
 */
public final class ApiGatewayFunction {
  private final Dispatcher dispatcher;

  public ApiGatewayFunction(Routes routes) {
    this.dispatcher = new Dispatcher(routes);
  }

  public Routes routes() {
    return dispatcher.routes();
  }

  /**
   * Every route once through the whole request path, as an invocation takes it (SnapStart priming): the
   * Powertools wrapper (logging, metrics), the event's conversion, routing, the claims, reading the JSON
   * body and the use case's first keyed reads. The caller is a provider admin with MFA who does not exist
   * ({@code snapstart-priming}); path parameters are {@code snapstart-priming-1}; bodies are an empty JSON
   * object. So reads answer 404 or an empty page, and changes stop at validation (400), at the caller's
   * missing profile or at the missing object: nothing is written. Answers each route's status, in route order.
   */
  public Map<String, Integer> primeEveryRoute(Context context) {
    Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
    for (Route route : routes().all()) {
      statuses.put(route.routeKey(), handle(primingEvent(route.routeKey()), context).getStatusCode());
    }
    return statuses;
  }

  private static APIGatewayV2HTTPEvent primingEvent(String routeKey) {
    String[] methodAndPath = routeKey.split(" ", 2);
    Map<String, String> pathParameters = new HashMap<>();
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}+]+)\\+?}").matcher(methodAndPath[1]);
    while (names.find()) {
      pathParameters.put(names.group(1), "snapstart-priming-1");
    }
    String rawPath = methodAndPath[1].replaceAll("\\{[^}]+}", "snapstart-priming-1");
    boolean withBody = !methodAndPath[0].equals("GET") && !methodAndPath[0].equals("DELETE");
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withPathParameters(pathParameters)
        .withHeaders(Map.of("accept", "application/json", "content-type", "application/json"))
        .withBody(withBody ? "{}" : null)
        .withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId("snapstart-priming")
            .withRouteKey(routeKey)
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(methodAndPath[0]).withPath(rawPath).withSourceIp("127.0.0.1").build())
            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of(ClaimContract.SUBJECT, "snapstart-priming", ClaimContract.ROLE, "provider-admin",
                        ClaimContract.MFA, "true", ClaimContract.TOKEN_USE, "id"))
                    .build())
                .build())
            .build())
        .build();
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    return Observability.apiInvocation(context, event, () -> {
      ApiRequest request = request(event);
      MDC.put("route", request.routeKey());
      request.caller().ifPresent(caller -> {
        MDC.put("user", caller.userId().value());
        caller.tenant().ifPresent(tenant -> MDC.put("tenant", tenant.value()));
      });
      return response(dispatcher.dispatch(request));
    });
  }

  static ApiRequest request(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    }
    if (event.getCookies() != null && !event.getCookies().isEmpty()) {
      // Payload 2.0 moves the Cookie header into cookies[]; the request reads them back as one header.
      headers.put("cookie", String.join("; ", event.getCookies()));
    }
    byte[] body = event.getBody() == null
        ? new byte[0]
        : event.getIsBase64Encoded()
            ? Base64.getDecoder().decode(event.getBody())
            : event.getBody().getBytes(StandardCharsets.UTF_8);
    String routeKey = event.getRouteKey() != null ? event.getRouteKey() : context.getRouteKey();
    return new ApiRequest(
        routeKey,
        event.getRawPath() == null ? "" : event.getRawPath(),
        orEmpty(event.getPathParameters()),
        orEmpty(event.getQueryStringParameters()),
        headers,
        body,
        context == null || context.getRequestId() == null ? "unknown" : context.getRequestId(),
        context == null || context.getHttp() == null || context.getHttp().getSourceIp() == null
            ? "unknown" : context.getHttp().getSourceIp(),
        caller(context));
  }

  private static Optional<Caller> caller(APIGatewayV2HTTPEvent.RequestContext context) {
    if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
        || context.getAuthorizer().getJwt().getClaims() == null) {
      return Optional.empty();
    }
    return ClaimContract.caller(context.getAuthorizer().getJwt().getClaims());
  }

  static APIGatewayV2HTTPResponse response(ApiResponse response) {
    Map<String, String> headers = new HashMap<>(response.headers());
    headers.putIfAbsent("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(headers)
        .withCookies(response.cookies().isEmpty() ? null : response.cookies())
        .withBody(response.isText() ? new String(response.body(), StandardCharsets.UTF_8)
            : java.util.Base64.getEncoder().encodeToString(response.body()))
        .withIsBase64Encoded(!response.isText())
        .build();
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
