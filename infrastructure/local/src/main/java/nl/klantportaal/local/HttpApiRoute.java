package nl.klantportaal.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HttpApi event of a function: {@code GET /customers/{customerId}}, {@code ANY /files/{proxy+}}.
 * Matching follows API Gateway: literal segments win over parameters, parameters over greedy paths,
 * a method over ANY.
 */
public record HttpApiRoute(String method, String path, String function, Optional<JwtAuthorizer> authorizer) {

  /** A request matched to a route, with its decoded path parameters. */
  public record Match(HttpApiRoute route, Map<String, String> pathParameters) {}

  public String routeKey() {
    return method + " " + path;
  }

  public Optional<Match> match(String requestMethod, String requestPath) {
    if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
      return Optional.empty();
    }
    List<String> pattern = segments(path);
    List<String> actual = segments(requestPath);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String part = pattern.get(i);
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (i >= actual.size()) {
          return Optional.empty();
        }
        parameters.put(part.substring(1, part.length() - 2), decode(String.join("/", actual.subList(i, actual.size()))));
        return Optional.of(new Match(this, parameters));
      }
      if (i >= actual.size()) {
        return Optional.empty();
      }
      if (part.startsWith("{") && part.endsWith("}")) {
        parameters.put(part.substring(1, part.length() - 1), decode(actual.get(i)));
      } else if (!part.equals(actual.get(i))) {
        return Optional.empty();
      }
    }
    return pattern.size() == actual.size() ? Optional.of(new Match(this, parameters)) : Optional.empty();
  }

  /** Higher is more specific: literal segments count most, then parameters; ANY ranks below a method. */
  public int specificity() {
    int score = 0;
    for (String part : segments(path)) {
      score = score * 4 + (part.endsWith("+}") ? 1 : part.startsWith("{") ? 2 : 3);
    }
    return score * 2 + (method.equals("ANY") ? 0 : 1);
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
