package nl.klantportaal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;

/**
 * {@code portal/} served at {@code /}: GET and HEAD of files below the folder, index.html for folders; and
 * {@code /config.json}, the portal's configuration, which a deployment's {@code infrastructure/deploy-portal} writes
 * from the stack's outputs and the local cloud answers from its own (never a file of the repository: a
 * {@code portal/config.json} is not served). Without a configuration {@code /config.json} is 404, and the portal
 * calls the API on its own origin. {@code /openapi.yaml} is the API's OpenAPI 3.1 document ({@code docs/openapi.yaml}
 * beside the template), when there is one.
 */
public record StaticSite(Path root, Map<String, Object> config, Optional<Path> openApi) {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("webmanifest", "application/manifest+json"));

  public StaticSite(Path root) {
    this(root, Map.of());
  }

  public StaticSite(Path root, Map<String, Object> config) {
    this(root, config, Optional.empty());
  }

  public StaticSite {
    config = Map.copyOf(config);
  }

  ApiResponse serve(String method, String rawPath) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return ApiResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    String decoded = URLDecoder.decode(rawPath, StandardCharsets.UTF_8).replaceFirst("^/+", "");
    if (decoded.equals("config.json")) {
      return configuration();
    }
    if (decoded.equals("openapi.yaml")) {
      return apiDocument();
    }
    Path base = root.toAbsolutePath().normalize();
    Path file = base.resolve(decoded).normalize();
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

  private ApiResponse apiDocument() throws IOException {
    if (openApi.isEmpty() || !Files.isRegularFile(openApi.get())) {
      return ApiResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/yaml"));
    headers.put("cache-control", List.of("no-cache"));
    return new ApiResponse(200, headers, Files.readAllBytes(openApi.get()));
  }

  private ApiResponse configuration() throws JsonProcessingException {
    if (config.isEmpty()) {
      return ApiResponse.json(404, "{\"message\":\"Not Found\"}");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    headers.put("cache-control", List.of("no-cache"));
    return new ApiResponse(200, headers, JSON.writeValueAsBytes(config));
  }

  /**
   * The local cloud's {@code config.json}: the API on the portal's own origin ({@code apiBase} empty), the pool and
   * client ids cognito-local assigned, and the provider's name and colours from the template's parameters
   * ({@code ProviderName}, {@code PortalPrimaryColour}, {@code PortalAccentColour}: their defaults are the demo's).
   */
  static Map<String, Object> localConfig(SamTemplate template, Intrinsics intrinsics) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiBase", "");
    config.put("region", AwsClients.REGION);
    Map<String, Object> resources = template.resources();
    if (resources.containsKey("UserPool")) {
      config.put("userPoolId", intrinsics.string(Map.of("Ref", "UserPool")));
    }
    if (resources.containsKey("UserPoolClient")) {
      config.put("clientId", intrinsics.string(Map.of("Ref", "UserPoolClient")));
    }
    Map<String, Object> parameters = template.section("Parameters");
    if (parameters.containsKey("ProviderName")) {
      config.put("providerName", intrinsics.string(Map.of("Ref", "ProviderName")));
    }
    Map<String, Object> colours = new LinkedHashMap<>();
    if (parameters.containsKey("PortalPrimaryColour")) {
      colours.put("primary", intrinsics.string(Map.of("Ref", "PortalPrimaryColour")));
    }
    if (parameters.containsKey("PortalAccentColour")) {
      colours.put("accent", intrinsics.string(Map.of("Ref", "PortalAccentColour")));
    }
    if (!colours.isEmpty()) {
      config.put("colours", colours);
    }
    return config;
  }
}
