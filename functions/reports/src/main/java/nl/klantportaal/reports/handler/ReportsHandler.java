package nl.klantportaal.reports.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.reports.usecase.ReportAccess;
import nl.klantportaal.reports.usecase.ReportSharing;
import nl.klantportaal.reports.wiring.ReportsWiring;

/**
 * The monthly reports (the seed's "Rapportages"): a customer's list per month and a download, for
 * its admins, its users where it grants them, and provider staff; regeneration by provider admins.
 */
public final class ReportsHandler extends HttpApiHandler {

  public ReportsHandler() {
    this(System.getenv());
  }

  public ReportsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public ReportsHandler(KernelWiring wiring) {
    super(routes(ReportsWiring.of(wiring)));
  }

  private static Routes routes(ReportsWiring reports) {
    ReportAccess access = reports.access();
    var view = reports.view();
    var regenerate = reports.regenerate();
    return Routes.of(
        Route.of("GET /reports", Access.CUSTOMER, r -> ApiResponse.ok(view.list(access.own(r.requireCaller()), r.language()))),
        Route.of("GET /reports/{month}/download", Access.CUSTOMER, r -> ApiResponse.ok(
            view.download(access.own(r.requireCaller()), r.pathParameter("month"), r.language()))),
        Route.of("PUT /reports/sharing", Access.CUSTOMER_ADMIN, r -> ApiResponse.ok(view.setUsersSee(r.requireCaller(),
            access.ownAsAdmin(r.requireCaller()), r.jsonBody(ReportSharing.class).allowed(), r.language()))),
        Route.of("GET /customers/{customerId}/reports", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.list(access.staffCustomer(r.requireCaller(), r.customerId()), r.language()))),
        Route.of("GET /customers/{customerId}/reports/{month}/download", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.download(access.staffCustomer(r.requireCaller(), r.customerId()), r.pathParameter("month"), r.language()))),
        Route.of("POST /customers/{customerId}/reports/{month}/regenerate", Access.PROVIDER_ADMIN, r -> ApiResponse.json(202,
            regenerate.execute(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()),
                r.pathParameter("month")))));
  }
}
