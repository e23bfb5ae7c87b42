package nl.klantportaal.notifications.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.usecase.MailRouteInput;
import nl.klantportaal.notifications.usecase.MailRouteView;
import nl.klantportaal.notifications.usecase.ManageFailingAddresses;
import nl.klantportaal.notifications.usecase.ManageMailRoutes;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/**
 * The per-domain mail routes (alternate SES configuration set and sender), managed by provider admins, and
 * the addresses mail no longer goes to (permanent bounces), seen by staff and cleared by provider admins.
 */
public final class MailRoutesHandler extends HttpApiHandler {

  public MailRoutesHandler() {
    this(System.getenv());
  }

  public MailRoutesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MailRoutesHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    ManageMailRoutes routes = NotificationWiring.of(wiring).manageMailRoutes();
    ManageFailingAddresses failing = new ManageFailingAddresses(NotificationWiring.of(wiring).failingAddresses(), wiring.clock());
    return Routes.of(
        // Addresses that bounced for good: mail to them stops until a provider admin clears them.
        Route.of("GET /mail/failing-addresses", Access.PROVIDER_STAFF, request -> ApiResponse.ok(
            failing.list(new PageRequest(request.query("cursor"), request.limit(50, 100)), request.language()))),
        Route.of("DELETE /mail/failing-addresses/{addressId}", Access.PROVIDER_ADMIN, request -> {
          failing.clear(request.pathParameter("addressId"), request.requireCaller());
          return ApiResponse.noContent();
        }),
        Route.of("GET /mail-routes", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            PageView.of(routes.list(new PageRequest(request.query("cursor"), request.limit(50, 100))), MailRouteView::of))),
        Route.of("PUT /mail-routes/{domain}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(MailRouteView.of(
            routes.put(request.pathParameter("domain"), request.jsonBody(MailRouteInput.class),
                // If-None-Match: * only adds a route (409 already-exists); else the body's version is the one changed
                request.createOnly() ? MailRoutes.Mode.CREATE : MailRoutes.Mode.REPLACE, request.requireCaller())))),
        Route.of("DELETE /mail-routes/{domain}", Access.PROVIDER_ADMIN, request -> {
          // ?version= is the version read: a route changed meanwhile is 409 version-conflict, not removed unseen
          routes.delete(request.pathParameter("domain"), request.query("version"), request.requireCaller());
          return ApiResponse.noContent();
        }));
  }
}
