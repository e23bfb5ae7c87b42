package nl.klantportaal.platform.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {
  @Test
  void answersWithoutAToken() {
    var response = new HealthHandler(Map.of("STAGE", "test"))
        .handleRequest(Lambda.httpEvent("platform/health/get.json"), Lambda.context("health"));
    assertEquals(200, response.getStatusCode());
    assertEquals("ok", HttpEvents.json(response).get("status").asText());
    assertEquals("no-store", response.getHeaders().get("cache-control"));
  }

  @Test
  void anotherRouteOnTheSameFunctionIsNotFound() {
    var response = new HealthHandler(Map.of())
        .handleRequest(Lambda.httpEvent("platform/health/post-unknown-route.json"), Lambda.context("health"));
    assertEquals(404, response.getStatusCode());
    assertEquals("application/problem+json", response.getHeaders().get("content-type"));
  }
}
