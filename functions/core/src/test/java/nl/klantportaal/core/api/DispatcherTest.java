package nl.klantportaal.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.ClaimContract;
import nl.klantportaal.core.shared.domain.DomainException;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final Dispatcher dispatcher = new Dispatcher(Routes.of(
      Route.of("GET /things", Access.PROVIDER_STAFF, request -> ApiResponse.ok(Map.of("ok", true))),
      Route.of("GET /boom", Access.SIGNED_IN, request -> {
        throw new IllegalStateException("secret internals: table portal-prod, arn:aws:...");
      }).beforeMfa(),
      Route.of("GET /outage", Access.SIGNED_IN, request -> {
        throw new IllegalStateException("reading the ticket failed", new Unavailable());
      }),
      Route.of("GET /endpoint-down", Access.SIGNED_IN, request -> {
        throw new ServiceUnavailable("a token endpoint", "https://auth.example.test/oauth2/token answered 502");
      }),
      Route.of("POST /conflict/{kind}", Access.SIGNED_IN, request -> {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.valueOf(request.pathParameters().get("kind")),
            "Time of 2026-11-03 has no hourly rate");
      })));

  /** A dependency's outage as this test's classifier knows it (core-aws's knows the AWS SDK's). */
  static final class Unavailable extends RuntimeException {
    Unavailable() {
      super("bucket portal-prod-attachments answered 503 SlowDown");
    }
  }

  /** Registered for core's tests in src/test/resources/META-INF/services, as core-aws registers SdkOutages. */
  public static final class TestOutages implements OutageClassifier {
    @Override
    public Optional<String> outageOf(Throwable failure) {
      return failure instanceof Unavailable ? Optional.of("test storage") : Optional.empty();
    }
  }

  private static Optional<Caller> caller(String role, boolean mfa) {
    return ClaimContract.caller(Map.of("sub", "u1", "kp_role", role, "kp_mfa", Boolean.toString(mfa)));
  }

  private static ApiRequest request(String routeKey, Optional<Caller> caller, String language) {
    return new ApiRequest(routeKey, "/x", Map.of(), Map.of(), Map.of("accept-language", language), new byte[0], "req-1", "192.0.2.1", caller);
  }

  private static JsonNode body(ApiResponse response) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  @Test
  void runsAPermittedRoute() {
    assertEquals(200, dispatcher.dispatch(request("GET /things", caller("provider-agent", true), "nl")).status());
  }

  @Test
  void refusesCallersWithoutMfaBeforeCheckingTheirRole() throws IOException {
    ApiResponse response = dispatcher.dispatch(request("GET /things", caller("provider-agent", false), "en"));
    assertEquals(403, response.status());
    assertEquals("application/problem+json", response.headers().get("content-type"));
    assertEquals("urn:klantportaal:problem:mfa-required", body(response).get("type").asText());
    assertEquals("Set up two-factor authentication first", body(response).get("title").asText());
  }

  @Test
  void refusesTheWrongRole() throws IOException {
    ApiResponse response = dispatcher.dispatch(request("GET /things", caller("customer-admin", true), "de"));
    assertEquals(403, response.status());
    assertEquals("urn:klantportaal:problem:forbidden", body(response).get("type").asText());
    assertEquals("de", response.headers().get("content-language"));
  }

  @Test
  void refusesAMissingCaller() {
    assertEquals(401, dispatcher.dispatch(request("GET /things", Optional.empty(), "nl")).status());
  }

  @Test
  void answersEachKindOfConflict409WithItsOwnTypeAndTheDetail() throws IOException {
    Map<DomainException.Conflict.Kind, String> types = Map.of(DomainException.Conflict.Kind.VERSION, "version-conflict",
        DomainException.Conflict.Kind.ALREADY_EXISTS, "already-exists", DomainException.Conflict.Kind.ILLEGAL_STATE, "illegal-state",
        DomainException.Conflict.Kind.RATE_MISSING, "rate-missing");
    assertEquals(DomainException.Conflict.Kind.values().length, types.size(), "every kind is named here");
    for (var kind : DomainException.Conflict.Kind.values()) {
      ApiRequest request = new ApiRequest("POST /conflict/{kind}", "/conflict/" + kind, Map.of("kind", kind.name()), Map.of(),
          Map.of("accept-language", "en"), new byte[0], "req-1", "192.0.2.1", caller("provider-admin", true));
      ApiResponse response = dispatcher.dispatch(request);
      assertEquals(409, response.status(), kind.name());
      assertEquals("urn:klantportaal:problem:" + types.get(kind), body(response).get("type").asText(), kind.name());
      assertEquals("Time of 2026-11-03 has no hourly rate", body(response).get("detail").asText(), kind.name());
    }
  }

  @Test
  void answersAnUnknownRouteWith404() {
    assertEquals(404, dispatcher.dispatch(request("DELETE /things", caller("provider-admin", true), "nl")).status());
  }

  @Test
  void hidesInternalsOfUnexpectedFailures() throws IOException {
    ApiResponse response = dispatcher.dispatch(request("GET /boom", caller("provider-admin", true), "nl"));
    assertEquals(500, response.status());
    String text = new String(response.body());
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("Exception"), text);
    assertTrue(body(response).get("detail").asText().contains("req-1"));
    assertFalse(response.headers().containsKey("retry-after"), "a fault of ours is not worth a retry");
  }

  @Test
  void answersAnOutageAmongTheCauses503WithRetryAfterAndNoInternals() throws IOException {
    ApiResponse response = dispatcher.dispatch(request("GET /outage", caller("customer-user", true), "de"));
    assertEquals(503, response.status());
    assertEquals("application/problem+json", response.headers().get("content-type"));
    assertEquals("5", response.headers().get("retry-after"));
    JsonNode problem = body(response);
    assertEquals("urn:klantportaal:problem:service-unavailable", problem.get("type").asText());
    assertEquals(503, problem.get("status").asInt());
    assertEquals("Ein Teil des Portals ist kurz nicht erreichbar; bitte versuchen Sie es gleich noch einmal",
        problem.get("title").asText());
    assertTrue(problem.get("detail").asText().contains("req-1"), problem.toString());
    String text = new String(response.body());
    assertFalse(text.contains("bucket") || text.contains("503 SlowDown") || text.contains("storage"), text);
  }

  @Test
  void anAdaptersOwnServiceUnavailableIs503Too() throws IOException {
    ApiResponse response = dispatcher.dispatch(request("GET /endpoint-down", caller("customer-user", true), "nl"));
    assertEquals(503, response.status());
    assertEquals("5", response.headers().get("retry-after"));
    assertEquals("urn:klantportaal:problem:service-unavailable", body(response).get("type").asText());
    assertFalse(new String(response.body()).contains("auth.example.test"), "no internals");
  }
}
