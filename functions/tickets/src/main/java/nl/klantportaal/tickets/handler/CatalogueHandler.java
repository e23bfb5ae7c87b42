package nl.klantportaal.tickets.handler;

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
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.ticket.usecase.CatalogueAdmin;
import nl.klantportaal.core.ticket.usecase.CatalogueView;

/** The categories and service-request forms customers choose from; provider admins change them. */
public final class CatalogueHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  private final ApiGatewayFunction api;

  public CatalogueHandler() {
    this(System.getenv());
  }

  public CatalogueHandler(Map<String, String> environment) {
    this(PortalWiring.fromEnvironment(environment));
    SnapStartPriming.register(environment, () -> api.prime("GET /catalogue", Map.of()));
  }

  public CatalogueHandler(PortalWiring wiring) {
    var catalogue = new CatalogueAdmin(wiring.catalogue());
    api = new ApiGatewayFunction(Routes.of(
        Route.of("GET /catalogue", Access.LINKED, request -> ApiResponse.ok(CatalogueView.of(catalogue.read()))),
        Route.of("PUT /catalogue/categories/{categoryId}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            CatalogueView.of(catalogue.saveCategory(request.pathParameter("categoryId"),
                request.jsonBody(CatalogueAdmin.CategoryInput.class))))),
        Route.of("PUT /catalogue/request-types/{requestTypeId}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            CatalogueView.of(catalogue.saveRequestType(request.pathParameter("requestTypeId"),
                request.jsonBody(CatalogueAdmin.RequestTypeInput.class)))))));
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
