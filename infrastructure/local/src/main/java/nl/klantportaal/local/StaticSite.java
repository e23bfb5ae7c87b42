package nl.klantportaal.local;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code portal/} served at {@code /}: GET and HEAD of files below the folder, index.html for folders. */
public record StaticSite(Path root) {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("webmanifest", "application/manifest+json"));

  ApiResponse serve(String method, String rawPath) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return ApiResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    Path base = root.toAbsolutePath().normalize();
    Path file = base.resolve(URLDecoder.decode(rawPath, StandardCharsets.UTF_8).replaceFirst("^/+", "")).normalize();
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    if (!file.startsWith(base) || !Files.isRegularFile(file)) {
      return ApiResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    String name = file.getFileName().toString();
    String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of(type));
    headers.put("cache-control", List.of("no-cache"));
    return new ApiResponse(200, headers, Files.readAllBytes(file));
  }
}
