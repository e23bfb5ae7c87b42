package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers with what it saw: the event's fields, its environment and its context. */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> env;

  public EchoHandler() {
    this(System.getenv());
  }

  public EchoHandler(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Recorder.record("echo", event);
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("routeKey", event.getRouteKey());
    seen.put("rawPath", event.getRawPath());
    seen.put("rawQueryString", event.getRawQueryString());
    seen.put("pathParameters", event.getPathParameters());
    seen.put("queryStringParameters", event.getQueryStringParameters());
    seen.put("headers", event.getHeaders());
    seen.put("cookies", event.getCookies());
    seen.put("body", event.getBody());
    seen.put("isBase64Encoded", event.getIsBase64Encoded());
    seen.put("stage", event.getRequestContext().getStage());
    seen.put("requestId", event.getRequestContext().getRequestId());
    seen.put("method", event.getRequestContext().getHttp().getMethod());
    seen.put("claims", event.getRequestContext().getAuthorizer() == null ? Map.of()
        : event.getRequestContext().getAuthorizer().getJwt().getClaims());
    seen.put("env", env);
    seen.put("functionName", context.getFunctionName());
    seen.put("remainingMs", context.getRemainingTimeInMillis());
    try {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(200)
          .withHeaders(Map.of("content-type", "application/json", "etag", "\"v1\""))
          .withMultiValueHeaders(Map.of("x-multi", List.of("a", "b")))
          .withCookies(List.of("seen=yes; Path=/", "kp_session=x.y; Max-Age=60; Path=/auth; Secure; HttpOnly; SameSite=Strict"))
          .withBody(JSON.writeValueAsString(seen))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
