package nl.klantportaal.privacy.handler;

import java.util.Map;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.privacy.usecase.ErasePerson;
import nl.klantportaal.privacy.usecase.ExportPersonalData;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/** GDPR: a provider admin's export of everything about a person, and the person's erasure (docs/privacy.md). */
public final class PrivacyHandler extends HttpApiHandler {

  public PrivacyHandler() {
    this(System.getenv());
  }

  public PrivacyHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public PrivacyHandler(KernelWiring wiring) {
    this(wiring, CognitoWiring.of(wiring).userDirectory());
  }

  public PrivacyHandler(KernelWiring wiring, UserDirectory directory) {
    super(routes(wiring, directory));
  }

  private static Routes routes(KernelWiring wiring, UserDirectory directory) {
    var identity = IdentityWiring.of(wiring);
    var tickets = TicketWiring.of(wiring).personalData();
    var mails = NotificationWiring.of(wiring).mailArchive();
    var export = new ExportPersonalData(identity.users(), tickets, mails, wiring.auditTrail(), wiring.clock());
    var erase = new ErasePerson(identity.users(), identity.customers(), directory, tickets, mails, wiring.clock());
    return Routes.of(
        Route.of("GET /users/{userId}/export", Access.PROVIDER_ADMIN,
            r -> ApiResponse.ok(export.execute(r.requireCaller(), r.userId()))),
        Route.of("POST /users/{userId}/erase", Access.PROVIDER_ADMIN,
            r -> ApiResponse.ok(erase.execute(r.requireCaller(), r.userId(), r.jsonBody(ErasePerson.Input.class)))));
  }
}
