package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nl.klantportaal.core.observability.SnapStartPriming;

/**
 * The set-up every HTTP API handler shares, written once: its routes in an {@link ApiGatewayFunction}
 * (the request path: logging, metrics, dispatch, problem+json), the Lambda entry point, and the routes
 * for the template contract. A handler only says which routes it serves, with {@code super(routes)}.
 */
public abstract class HttpApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  private final ApiGatewayFunction api;

  protected HttpApiHandler(Routes routes) {
    this.api = new ApiGatewayFunction(routes);
  }

  /**
   * Warms {@code routeKey} (with {@code pathParameters}) before SnapStart takes its snapshot, when the
   * function runs with SnapStart ({@link SnapStartPriming}); a no-op anywhere else.
   */
  protected final void primeBeforeSnapshot(Map<String, String> environment, String routeKey,
      Map<String, String> pathParameters) {
    SnapStartPriming.register(environment, () -> api.prime(routeKey, pathParameters));
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event, context);
  }

  @Override
  public final Routes routes() {
    return api.routes();
  }
}
