package nl.klantportaal.notifications.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nl.klantportaal.core.PortalWiring;
import nl.klantportaal.core.api.ApiGatewayFunction;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.notification.usecase.MailRouteInput;
import nl.klantportaal.core.notification.usecase.MailRouteView;
import nl.klantportaal.core.notification.usecase.ManageMailRoutes;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;

/** The per-domain mail routes (alternate SES configuration set and sender), managed by provider admins. */
public final class MailRoutesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  private final ApiGatewayFunction api;

  public MailRoutesHandler() {
    this(System.getenv());
  }

  public MailRoutesHandler(Map<String, String> environment) {
    this(PortalWiring.fromEnvironment(environment));
    SnapStartPriming.register(environment, () -> api.prime("GET /mail-routes", Map.of()));
  }

  public MailRoutesHandler(PortalWiring wiring) {
    ManageMailRoutes routes = wiring.manageMailRoutes();
    api = new ApiGatewayFunction(Routes.of(
        Route.of("GET /mail-routes", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            PageView.of(routes.list(new PageRequest(request.query("cursor"), request.limit(50, 100))), MailRouteView::of))),
        Route.of("PUT /mail-routes/{domain}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(MailRouteView.of(
            routes.put(request.pathParameter("domain"), request.jsonBody(MailRouteInput.class), request.requireCaller())))),
        Route.of("DELETE /mail-routes/{domain}", Access.PROVIDER_ADMIN, request -> {
          routes.delete(request.pathParameter("domain"));
          return ApiResponse.noContent();
        })));
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
