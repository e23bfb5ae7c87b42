package nl.klantportaal.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Yamls;

/** The HttpApi's CorsConfiguration, answered the way API Gateway does for preflights and simple requests. */
public record Cors(List<String> origins, List<String> headers, List<String> methods, List<String> exposeHeaders,
    Optional<String> maxAge, boolean credentials) {

  static Cors of(Map<String, Object> config) {
    return new Cors(strings(config.get("AllowOrigins")), strings(config.get("AllowHeaders")),
        strings(config.get("AllowMethods")), strings(config.get("ExposeHeaders")),
        Optional.of(Yamls.string(config.get("MaxAge"))).filter(s -> !s.isEmpty()),
        Boolean.parseBoolean(Yamls.string(config.get("AllowCredentials"))));
  }

  private static List<String> strings(Object value) {
    return Yamls.list(value).stream().map(Yamls::string).toList();
  }

  public boolean allows(String origin) {
    return origins.contains("*") || origins.contains(origin);
  }

  /** Headers of the answer to a preflight from an allowed origin. */
  public Map<String, String> preflight(String origin) {
    Map<String, String> answer = new LinkedHashMap<>(simple(origin));
    answer.put("access-control-allow-methods", methods.contains("*") ? "*" : String.join(",", methods));
    if (!headers.isEmpty()) {
      answer.put("access-control-allow-headers", String.join(",", headers).toLowerCase(Locale.ROOT));
    }
    maxAge.ifPresent(age -> answer.put("access-control-max-age", age));
    return answer;
  }

  /** Headers added to an ordinary answer to an allowed origin. */
  public Map<String, String> simple(String origin) {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("access-control-allow-origin", origins.contains("*") && !credentials ? "*" : origin);
    if (credentials) {
      answer.put("access-control-allow-credentials", "true");
    }
    if (!exposeHeaders.isEmpty()) {
      answer.put("access-control-expose-headers", String.join(",", exposeHeaders).toLowerCase(Locale.ROOT));
    }
    return answer;
  }
}
