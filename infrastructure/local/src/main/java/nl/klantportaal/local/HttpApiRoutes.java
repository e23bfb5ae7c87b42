package nl.klantportaal.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/** The routes of the template's HttpApi events, each with the JWT authorizer that guards it (or none). */
public final class HttpApiRoutes {

  private final List<HttpApiRoute> routes;
  private final Optional<Cors> cors;

  private HttpApiRoutes(List<HttpApiRoute> routes, Optional<Cors> cors) {
    this.routes = routes;
    this.cors = cors;
  }

  public static HttpApiRoutes from(SamTemplate template, Intrinsics intrinsics, URI cognitoEndpoint) {
    Map<String, Map<String, JwtAuthorizer>> authorizers = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    Optional<Cors> cors = Optional.empty();
    for (SamTemplate.Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      Map<String, Object> properties = Yamls.map(intrinsics.resolve(api.properties()));
      Map<String, Object> auth = Yamls.map(properties.get("Auth"));
      Map<String, JwtAuthorizer> byName = new LinkedHashMap<>();
      Yamls.map(auth.get("Authorizers")).forEach((name, body) -> {
        Map<String, Object> jwt = Yamls.map(Yamls.map(body).get("JwtConfiguration"));
        if (!jwt.isEmpty()) {
          byName.put(name, new JwtAuthorizer(name, Yamls.string(jwt.get("issuer")),
              Yamls.list(jwt.get("audience")).stream().map(Yamls::string).toList(), cognitoEndpoint));
        }
      });
      authorizers.put(api.logicalId(), byName);
      defaults.put(api.logicalId(), Yamls.string(auth.get("DefaultAuthorizer")));
      if (cors.isEmpty() && properties.containsKey("CorsConfiguration")) {
        cors = Optional.of(Cors.of(Yamls.map(properties.get("CorsConfiguration"))));
      }
    }
    List<HttpApiRoute> routes = new ArrayList<>();
    for (SamTemplate.FunctionEvent event : template.eventsOfType("HttpApi")) {
      Map<String, Object> properties = event.properties();
      String apiId = refOf(properties.get("ApiId"));
      String method = Yamls.string(properties.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
      String path = Yamls.string(properties.getOrDefault("Path", "/{proxy+}"));
      String authorizerName = Yamls.string(Yamls.map(properties.get("Auth")).get("Authorizer"));
      if (authorizerName.isEmpty()) {
        authorizerName = defaults.getOrDefault(apiId, "");
      }
      Optional<JwtAuthorizer> authorizer = Optional.empty();
      if (!authorizerName.isEmpty() && !authorizerName.equals("NONE")) {
        JwtAuthorizer found = authorizers.getOrDefault(apiId, Map.of()).get(authorizerName);
        if (found == null) {
          throw new StartFailure("Route " + method + " " + path + " names authorizer " + authorizerName
              + ", which is not a JWT authorizer of " + apiId);
        }
        authorizer = Optional.of(found);
      }
      routes.add(new HttpApiRoute(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method, path,
          event.functionId(), authorizer));
    }
    routes.sort(Comparator.comparingInt(HttpApiRoute::specificity).reversed());
    return new HttpApiRoutes(List.copyOf(routes), cors);
  }

  private static String refOf(Object value) {
    return Yamls.string(Yamls.map(value).get("Ref"));
  }

  public Optional<HttpApiRoute.Match> match(String method, String path) {
    return routes.stream().map(route -> route.match(method, path)).flatMap(Optional::stream).findFirst();
  }

  public List<HttpApiRoute> all() {
    return routes;
  }

  public Optional<Cors> cors() {
    return cors;
  }
}
