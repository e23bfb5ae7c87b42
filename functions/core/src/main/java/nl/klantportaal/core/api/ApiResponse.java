package nl.klantportaal.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a route answers: status, headers, cookies and a JSON (or problem+json) body. Cookies are
 * whole Set-Cookie values; API Gateway (payload 2.0) sends each as a header of its own.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, List<String> cookies) {

  public ApiResponse {
    headers = Map.copyOf(headers);
    cookies = List.copyOf(cookies);
  }

  public ApiResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, List.of());
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

  /**
   * A file to download: its content type, and a Content-Disposition that names it (ASCII file
   * names only). API Gateway gets such bodies base64-encoded ({@link #isText()}).
   */
  public static ApiResponse file(String contentType, String fileName, byte[] content) {
    if (!fileName.matches("[A-Za-z0-9._-]{1,120}")) {
      throw new IllegalArgumentException("A download's file name is ASCII letters, digits, '.', '_' and '-'");
    }
    return new ApiResponse(200, Map.of("content-type", contentType,
        "content-disposition", "attachment; filename=\"" + fileName + "\""), content);
  }

  /** JSON, problem+json and text/* go out as text; everything else (a PDF, an .xlsx) as base64. */
  public boolean isText() {
    String type = headers.getOrDefault("content-type", "application/json");
    return type.startsWith("application/json") || type.startsWith("application/problem+json") || type.startsWith("text/");
  }

  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Map.of("content-type", "application/json"), Json.write(value));
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body, cookies);
  }

  /** This answer with one more Set-Cookie value. */
  public ApiResponse withCookie(String setCookie) {
    List<String> copy = new ArrayList<>(cookies);
    copy.add(setCookie);
    return new ApiResponse(status, headers, body, copy);
  }
}
