package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nl.klantportaal.core.observability.ClassPreload;
import nl.klantportaal.core.observability.SnapStartPriming;

/**
 * The set-up every HTTP API handler shares, written once: its routes in an {@link ApiGatewayFunction}
 * (the request path: logging, metrics, dispatch, problem+json), the Lambda entry point, and the routes
 * for the template contract. A handler only says which routes it serves, with {@code super(routes)}.
 */
public abstract class HttpApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  static {
    // before the handler's constructor builds its wiring: the function's class list loads alongside it
    ClassPreload.startForLambdaHandler(System.getenv(), HttpApiHandler.class.getClassLoader());
  }

  private final ApiGatewayFunction api;

  protected HttpApiHandler(Routes routes) {
    this.api = new ApiGatewayFunction(routes);
    // SnapStart: every route once before the snapshot (a no-op unless the function starts for one)
    SnapStartPriming.register(System.getenv(), this::primeEveryRoute);
  }

  /**
   * Runs every route of this function once through its whole request path, writing nothing
   * ({@link ApiGatewayFunction#primeEveryRoute}): what SnapStart does before its snapshot. Answers each
   * route's status.
   */
  public final Map<String, Integer> primeEveryRoute() {
    return api.primeEveryRoute(new PrimingContext());
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
