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
   * Runs one request through routing, the use case and the adapters without an event, as a
   * provider admin with MFA (SnapStart priming). Its answer is discarded; a 4xx is expected.
   */
  public int prime(String routeKey, Map<String, String> pathParameters) {
    Caller primer = ClaimContract.caller(Map.of(ClaimContract.SUBJECT, "snapstart-priming",
        ClaimContract.ROLE, "provider-admin", ClaimContract.MFA, "true")).orElseThrow();
    return dispatcher.dispatch(new ApiRequest(routeKey, "/priming", pathParameters, Map.of(), Map.of(), new byte[0],
        "snapstart-priming", "127.0.0.1", Optional.of(primer))).status();
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
