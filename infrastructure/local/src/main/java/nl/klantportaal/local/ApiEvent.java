package nl.klantportaal.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the HTTP API payload format 2.0 event for one request, field by field as API Gateway sends it. */
final class ApiEvent {

  static final String API_ID = "localapi01";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiEvent() {}

  static String requestId() {
    byte[] id = new byte[10];
    RANDOM.nextBytes(id);
    return Base64.getEncoder().withoutPadding().encodeToString(id) + "=";
  }

  static Map<String, Object> of(HttpRequestData request, HttpApiRoute.Match match, String requestId,
      Optional<JwtAuthorizer.Verified> jwt, Instant now) {
    String rawPath = request.rawPath();
    String rawQuery = request.rawQuery();
    byte[] body = request.body();
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    request.headers().forEach((key, values) -> {
      if (key.equals("cookie")) {
        values.forEach(v -> List.of(v.split(";\\s*")).stream().filter(c -> !c.isBlank()).forEach(cookies::add));
      } else {
        headers.put(key, String.join(",", values));
      }
    });
    String sourceIp = request.sourceIp();
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-forwarded-port", Integer.toString(request.localPort()));
    String domain = headers.getOrDefault("host", Ports.HOST).replaceFirst(":\\d+$", "");

    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", request.method().toUpperCase(Locale.ROOT));
    http.put("path", rawPath);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", sourceIp);
    http.put("userAgent", headers.getOrDefault("user-agent", ""));

    Map<String, Object> context = new LinkedHashMap<>();
    context.put("accountId", AwsClients.ACCOUNT);
    context.put("apiId", API_ID);
    jwt.ifPresent(verified -> context.put("authorizer", Map.of("jwt",
        Map.of("claims", verified.claims(), "scopes", verified.scopes()))));
    context.put("domainName", domain);
    context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
    context.put("http", http);
    context.put("requestId", requestId);
    context.put("routeKey", match.route().routeKey());
    context.put("stage", "$default");
    context.put("time", TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());

    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", match.route().routeKey());
    event.put("rawPath", rawPath);
    event.put("rawQueryString", rawQuery);
    if (!cookies.isEmpty()) {
      event.put("cookies", cookies);
    }
    event.put("headers", headers);
    Map<String, String> query = query(rawQuery);
    if (!query.isEmpty()) {
      event.put("queryStringParameters", query);
    }
    event.put("requestContext", context);
    if (!match.pathParameters().isEmpty()) {
      event.put("pathParameters", match.pathParameters());
    }
    if (body.length > 0) {
      boolean text = isText(headers.getOrDefault("content-type", ""));
      event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /** Repeated parameters are joined with commas, as in payload 2.0. */
  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.merge(key, value, (a, b) -> a + "," + b);
    }
    return query;
  }

  /**
   * Form decoding ({@code +} is a space) that keeps a malformed escape such as {@code %ZZ} as sent,
   * as API Gateway passes it on, instead of failing the request: the function judges the value.
   */
  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      StringBuilder out = new StringBuilder();
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
          bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        out.append(c == '+' ? ' ' : c);
      }
      return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  static boolean isText(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return type.isEmpty() || type.startsWith("text/") || type.endsWith("+json") || type.endsWith("+xml")
        || type.equals("application/json") || type.equals("application/xml") || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded") || type.equals("application/graphql");
  }
}
