package nl.klantportaal.contract;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/** template.yaml's HttpApi routes and what the generated sweeps need to call them in-process. */
final class TemplateRoutes {
  private static final SamTemplate TEMPLATE = SamTemplate.project();
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)\\}");

  /**
   * Functions whose routes call Cognito with the caller's access token or credentials: there is no
   * Cognito in-process, so their answers past the permission check are not judged for 5xx by the
   * sweeps (their refusals are on the local cloud's cognito-local: IdentityFlowIT, CognitoFrontIT).
   */
  static final Set<String> CALLS_COGNITO = Set.of(
      "nl.klantportaal.identity.handler.MeHandler::handleRequest",
      "nl.klantportaal.identity.handler.AccountSecurityHandler::handleRequest",
      "nl.klantportaal.identity.handler.UsersHandler::handleRequest",
      "nl.klantportaal.identity.handler.AuthHandler::handleRequest");

  private TemplateRoutes() {}

  /** One HttpApi route and the handler the template names for it. */
  record HttpRoute(String handlerName, String routeKey) {}

  static List<HttpRoute> all() {
    List<HttpRoute> routes = new ArrayList<>();
    for (var function : TEMPLATE.resourcesOfType(SamTemplate.FUNCTION)) {
      String handlerName = Yamls.string(TEMPLATE.functionProperties(function).get("Handler"));
      for (var event : TEMPLATE.events(function)) {
        if (event.type().equals("HttpApi")) {
          routes.add(new HttpRoute(handlerName, Yamls.string(event.properties().get("Method")).toUpperCase() + " "
              + Yamls.string(event.properties().get("Path"))));
        }
      }
    }
    return routes;
  }

  static ApiHandler construct(String handlerName, Map<String, String> env) {
    try {
      return (ApiHandler) Class.forName(handlerName.substring(0, handlerName.indexOf("::"))).getConstructor(Map.class).newInstance(env);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + handlerName, e);
    }
  }

  /**
   * An HTTP API event for {@code routeKey}: path parameters from {@code paramValue} (by name), the
   * query, the verified claims of a caller (none: no token), the body and its content type.
   */
  static APIGatewayV2HTTPEvent event(String routeKey, Function<String, String> paramValue, Map<String, String> query,
                                     Optional<Map<String, String>> claims, String body, String contentType) {
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    String template = routeKey.substring(routeKey.indexOf(' ') + 1);
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = paramValue.apply(m.group(1));
      params.put(m.group(1), value);
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    Map<String, String> headers = new HashMap<>(Map.of("accept-language", "nl"));
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey).withRequestId("sweep")
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path.toString())
            .withSourceIp("203.0.113.9").build());
    claims.ifPresent(c -> context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(c).build()).build()));
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path.toString())
        .withRawQueryString("").withQueryStringParameters(query.isEmpty() ? null : query).withHeaders(headers)
        .withPathParameters(params).withRequestContext(context.build()).withBody(body).withIsBase64Encoded(false).build();
  }
}
