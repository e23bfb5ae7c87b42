package nl.klantportaal.inboundmail.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.inboundmail.port.HeldMessages;
import nl.klantportaal.inboundmail.usecase.ManageHeldMail;
import nl.klantportaal.inboundmail.wiring.InboundWiring;

/**
 * The mail held for provider staff (docs/inbound-mail.md, "Held mail"): listed, made a chosen customer's
 * ticket on a reporter's behalf, or discarded.
 */
public final class HeldMailHandler extends HttpApiHandler {

  public HeldMailHandler() {
    this(System.getenv());
  }

  public HeldMailHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public HeldMailHandler(KernelWiring wiring) {
    super(routes(InboundWiring.of(wiring).heldMail()));
  }

  private static Routes routes(ManageHeldMail held) {
    return Routes.of(
        Route.of("GET /inbound/held", Access.PROVIDER_STAFF, r -> {
          HeldMessages.Listing listing = held.waiting();
          return ApiResponse.ok(Map.of("items", listing.items().stream().map(HeldMailHandler::view).toList(),
              "more", listing.more()));
        }),
        Route.of("POST /inbound/held/{heldId}/ticket", Access.PROVIDER_STAFF, r -> {
          var ticket = held.ticket(r.requireCaller(), r.pathParameter("heldId"), r.jsonBody(ManageHeldMail.TicketInput.class));
          return ApiResponse.created("/tickets/" + ticket.ref().token(), Map.of("ticketId", ticket.ref().token(),
              "customerId", ticket.ref().tenant().value(), "title", ticket.title()));
        }),
        Route.of("POST /inbound/held/{heldId}/discard", Access.PROVIDER_STAFF, r -> {
          held.discard(r.requireCaller(), r.pathParameter("heldId"));
          return ApiResponse.noContent();
        }));
  }

  private static Map<String, Object> view(HeldMessages.Held h) {
    return Map.of("id", h.id(), "from", h.mail().from(), "subject", h.mail().subject(), "reason", h.mail().reason(),
        "verdicts", h.mail().verdicts(), "receivedAt", h.mail().receivedAt().toString());
  }
}
