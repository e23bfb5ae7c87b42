package nl.klantportaal.platform.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nl.klantportaal.core.api.ApiGatewayFunction;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;

/** GET /health: liveness without a token. It touches no AWS service, so it stays fast and cheap. */
public final class HealthHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  private final ApiGatewayFunction api;

  public HealthHandler() {
    this(System.getenv());
  }

  public HealthHandler(Map<String, String> environment) {
    String stage = environment.getOrDefault("STAGE", "local");
    api = new ApiGatewayFunction(Routes.of(
        Route.of("GET /health", Access.PUBLIC, request -> ApiResponse.ok(Map.of("status", "ok", "stage", stage)))));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event, context);
  }

  @Override
  public Routes routes() {
    return api.routes();
  }
}
