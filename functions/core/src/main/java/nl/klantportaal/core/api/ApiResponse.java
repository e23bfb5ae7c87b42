package nl.klantportaal.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, headers and a JSON (or problem+json) body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse ok(Object value) {
    return json(200, value);
  }

  public static ApiResponse created(String location, Object value) {
    return json(201, value).withHeader("location", location);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), new byte[0]);
  }

  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Map.of("content-type", "application/json"), Json.write(value));
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }
}
