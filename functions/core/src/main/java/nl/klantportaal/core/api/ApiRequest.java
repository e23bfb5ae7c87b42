package nl.klantportaal.core.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;

/**
 * One HTTP API request as the use cases see it: no AWS event types. Headers are lower-cased;
 * {@code caller} is present on every route but the public ones; {@code sourceIp} is the address
 * API Gateway saw (used for brute-force limits, never for authorization).
 */
public record ApiRequest(
    String routeKey,
    String path,
    Map<String, String> pathParameters,
    Map<String, String> queryParameters,
    Map<String, String> headers,
    byte[] body,
    String requestId,
    String sourceIp,
    Optional<Caller> caller) {

  /** Largest JSON body any route accepts; attachments go to S3 directly, never through the API. */
  public static final int MAX_JSON_BODY_BYTES = 256 * 1024;

  public ApiRequest {
    pathParameters = Map.copyOf(pathParameters);
    queryParameters = Map.copyOf(queryParameters);
    headers = Map.copyOf(headers);
  }

  public Caller requireCaller() {
    return caller.orElseThrow(() -> new ApiProblem(ProblemType.UNAUTHENTICATED, "This route needs a signed-in caller"));
  }

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiProblem(ProblemType.NOT_FOUND, "Missing path parameter " + name);
    }
    return value;
  }

  /** The {customerId} path parameter; a malformed id is a customer that does not exist (404). */
  public TenantId customerId() {
    String id = pathParameter("customerId");
    if (!TenantId.isValid(id)) {
      throw new DomainException.NotFound("Customer");
    }
    return new TenantId(id);
  }

  /** The {userId} path parameter (a Cognito sub); an impossible one is a user that does not exist (404). */
  public UserId userId() {
    String id = pathParameter("userId");
    if (id.length() > 128) {
      throw new DomainException.NotFound("User");
    }
    return new UserId(id);
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(queryParameters.get(name));
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * A cookie the browser sent (API Gateway's {@code cookies[]}, read back as the Cookie header):
   * the value of the first one with this name.
   */
  public Optional<String> cookie(String name) {
    for (String pair : headers.getOrDefault("cookie", "").split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
        return Optional.of(pair.substring(eq + 1).trim());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the request asks to create only ({@code If-None-Match: *}, RFC 9110): a PUT that takes a free key and never
   * replaces what is stored. Any other value of the header is a 400 invalid-parameter.
   */
  public boolean createOnly() {
    Optional<String> condition = header("if-none-match").map(String::strip);
    if (condition.isPresent() && !condition.get().equals("*")) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "If-None-Match takes only * here (create only)",
          List.of(new FieldError("If-None-Match", "one-of", "must be *")), Optional.empty());
    }
    return condition.isPresent();
  }

  public Language language() {
    return Language.fromAcceptLanguage(headers.get("accept-language"));
  }

  /** The body as a request record: JSON only, bounded in size, strictly mapped (see {@link Json}). */
  public <T> T jsonBody(Class<T> type) {
    String contentType = header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (!(contentType.startsWith("application/json") || contentType.startsWith("application/merge-patch+json"))) {
      throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    }
    if (body.length > MAX_JSON_BODY_BYTES) {
      throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The body exceeds " + MAX_JSON_BODY_BYTES + " bytes");
    }
    return Json.read(body, type);
  }

  /** Page size from {@code ?limit=}, between 1 and {@code max}; {@code fallback} when absent. */
  public int limit(int fallback, int max) {
    Optional<String> raw = query("limit");
    if (raw.isEmpty()) {
      return fallback;
    }
    // ASCII digits only: Integer.parseInt would also read "+3" or Arabic-Indic digits.
    if (raw.get().matches("[0-9]{1,9}")) {
      int limit = Integer.parseInt(raw.get());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    }
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "limit must be a whole number from 1 to " + max);
  }
}
