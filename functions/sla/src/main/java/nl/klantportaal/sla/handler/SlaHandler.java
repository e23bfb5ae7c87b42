package nl.klantportaal.sla.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.usecase.ShowCompliance;
import nl.klantportaal.sla.usecase.ShowSlaAtRisk;
import nl.klantportaal.sla.usecase.ShowSlaTable;
import nl.klantportaal.sla.usecase.SlaSettingsAdmin;
import nl.klantportaal.sla.wiring.SlaWiring;

/**
 * The SLA table a customer is on (the seed's SLA page), the business calendar, the monthly compliance
 * counters, the SLA at risk across all queues (staff), and the provider admin's edits of the table and the
 * calendar (docs/sla.md).
 */
public final class SlaHandler extends HttpApiHandler {

  public SlaHandler() {
    this(System.getenv());
  }

  public SlaHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public SlaHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var identity = IdentityWiring.of(wiring);
    var slaWiring = SlaWiring.of(wiring);
    var table = new ShowSlaTable(slaWiring.slaSettings(), identity.customers());
    var compliance = new ShowCompliance(slaWiring.slaRecords(), identity.customers());
    var admin = new SlaSettingsAdmin(slaWiring.slaSettings(), wiring.clock());
    var atRisk = new ShowSlaAtRisk(slaWiring.tickets(), wiring.clock());
    return Routes.of(
        Route.of("GET /sla", Access.LINKED, request -> ApiResponse.ok(table.execute(request.requireCaller()))),
        Route.of("GET /sla/compliance", Access.LINKED, request -> ApiResponse.ok(compliance.execute(
            request.requireCaller(), request.query("month"), request.query("customerId")))),
        Route.of("PUT /sla/tiers/{tier}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(admin.saveTier(
            request.requireCaller(), request.pathParameter("tier"), request.jsonBody(SlaSettingsAdmin.TierInput.class)))),
        Route.of("GET /sla/at-risk", Access.PROVIDER_STAFF, request -> ApiResponse.ok(atRisk.execute(request.query("hours"),
            request.query("customerId")))),
        Route.of("GET /sla/calendar", Access.LINKED, request -> ApiResponse.ok(admin.calendar())),
        Route.of("PUT /sla/calendar", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(admin.saveCalendar(
            request.requireCaller(), request.jsonBody(SlaSettingsAdmin.CalendarInput.class)))));
  }
}
