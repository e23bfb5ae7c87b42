package nl.klantportaal.platform.handler;

import java.util.Map;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;

/** GET /health: liveness without a token. It touches no AWS service, so it stays fast and cheap. */
public final class HealthHandler extends HttpApiHandler {

  public HealthHandler() {
    this(System.getenv());
  }

  public HealthHandler(Map<String, String> environment) {
    super(routes(environment));
  }

  private static Routes routes(Map<String, String> environment) {
    String stage = environment.getOrDefault("STAGE", "local");
    return Routes.of(
        Route.of("GET /health", Access.PUBLIC, request -> ApiResponse.ok(Map.of("status", "ok", "stage", stage))));
  }
}
