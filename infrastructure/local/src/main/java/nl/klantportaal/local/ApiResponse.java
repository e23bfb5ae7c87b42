package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A handler's answer mapped back to HTTP as API Gateway does for payload format 2.0. */
record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

  static ApiResponse json(int status, String json) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    return new ApiResponse(status, headers,
        json.getBytes(StandardCharsets.UTF_8));
  }

  static ApiResponse from(String handlerJson) throws IOException {
    JsonNode answer = AwsJsonApi.JSON.readTree(handlerJson);
    if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
      // Payload 2.0: anything but a response object is the body of a 200 JSON answer.
      return json(200, answer == null || answer.isNull() ? "" : answer.isTextual() ? answer.asText() : handlerJson);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer.path("headers").properties().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(), k -> new ArrayList<>())
        .add(e.getValue().asText()));
    answer.path("multiValueHeaders").properties().forEach(e -> e.getValue().forEach(v ->
        headers.computeIfAbsent(e.getKey().toLowerCase(), k -> new ArrayList<>()).add(v.asText())));
    answer.path("cookies").forEach(cookie -> headers.computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(cookie.asText()));
    JsonNode bodyNode = answer.path("body");
    String text = bodyNode.isMissingNode() || bodyNode.isNull() ? "" : bodyNode.asText();
    byte[] body = answer.path("isBase64Encoded").asBoolean(false)
        ? Base64.getDecoder().decode(text)
        : text.getBytes(StandardCharsets.UTF_8);
    return new ApiResponse(answer.path("statusCode").asInt(200), headers, body);
  }
}
