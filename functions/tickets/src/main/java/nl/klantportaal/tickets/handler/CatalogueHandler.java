package nl.klantportaal.tickets.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.ticketing.usecase.CatalogueAdmin;
import nl.klantportaal.ticketing.usecase.CatalogueView;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/** The categories and service-request forms customers choose from; provider admins change them. */
public final class CatalogueHandler extends HttpApiHandler {

  public CatalogueHandler() {
    this(System.getenv());
  }

  public CatalogueHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public CatalogueHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var catalogue = new CatalogueAdmin(TicketWiring.of(wiring).catalogue(), wiring.clock());
    return Routes.of(
        Route.of("GET /catalogue", Access.LINKED, request -> ApiResponse.ok(CatalogueView.of(catalogue.read()))),
        Route.of("PUT /catalogue/categories/{categoryId}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            CatalogueView.ofCategory(catalogue.saveCategory(request.requireCaller().userId(), request.pathParameter("categoryId"),
                request.jsonBody(CatalogueAdmin.CategoryInput.class), mode(request))))),
        Route.of("PUT /catalogue/request-types/{requestTypeId}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            CatalogueView.ofRequestType(catalogue.saveRequestType(request.requireCaller().userId(), request.pathParameter("requestTypeId"),
                request.jsonBody(CatalogueAdmin.RequestTypeInput.class), mode(request))))));
  }

  /**
   * {@code If-None-Match: *} (RFC 9110): only a new id is taken (409 already-exists otherwise); without it, a PUT is an
   * edit on the body's {@code version} (409 version-conflict when stale).
   */
  private static CatalogueRepository.Mode mode(ApiRequest request) {
    return request.createOnly() ? CatalogueRepository.Mode.CREATE : CatalogueRepository.Mode.REPLACE;
  }
}
