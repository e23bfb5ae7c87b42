package nl.klantportaal.tickets.handler;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.MailLinkRefused;
import nl.klantportaal.ticketing.usecase.RateTicket;
import nl.klantportaal.ticketing.usecase.RatingView;
import nl.klantportaal.ticketing.usecase.ShowRatings;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.usecase.UseMailLink;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/**
 * What customers say about a ticket's outcome: the one-click links of ticket mails (accept or reject
 * a solution, rate a closed ticket), which work without signing in, and ratings. A link is only
 * read by {@code preview}, the portal page's first call, so a mail scanner that follows it changes
 * nothing; {@code use} is the page's button. The token travels in the body, never in a URL that
 * access logs keep.
 */
public final class TicketFeedbackHandler extends HttpApiHandler {

  public TicketFeedbackHandler() {
    this(System.getenv());
  }

  public TicketFeedbackHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public TicketFeedbackHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var identity = IdentityWiring.of(wiring);
    var slaWiring = SlaWiring.of(wiring);
    var ticketWiring = TicketWiring.of(wiring);
    var access = new TicketAccess(slaWiring.tickets(), identity.users());
    var ratings = ticketWiring.ratings();
    var rate = new RateTicket(access, ratings, wiring.clock());
    var status = new ChangeTicketStatus(access, wiring.clock(), ticketWiring.autoCloseAfter());
    var links = new UseMailLink(ticketWiring.mailLinks(), access, ticketWiring.singleUses(), status, rate, ratings,
        wiring.clock());
    var show = new ShowRatings(ratings, wiring.clock());
    return Routes.of(
        Route.of("POST /mail-links/preview", Access.PUBLIC, request -> refusing(() ->
            ApiResponse.ok(links.preview(request.jsonBody(UseMailLink.TokenInput.class))))),
        Route.of("POST /mail-links/use", Access.PUBLIC, request -> refusing(() -> {
          UseMailLink.Done done = links.act(request.jsonBody(UseMailLink.ActInput.class));
          Observability.count("MailLinkUsed");
          return ApiResponse.ok(done);
        })),
        Route.of("POST /tickets/{ticketId}/rating", Access.CUSTOMER, request -> {
          var rating = rate.execute(request.requireCaller(), TicketsHandler.ticketId(request),
              request.jsonBody(RateTicket.RatingInput.class), TicketSource.PORTAL, Optional.empty());
          Observability.count("TicketRated");
          return ApiResponse.created("/tickets/" + rating.ticket().token(), RatingView.of(rating));
        }),
        Route.of("GET /ratings", Access.PROVIDER_STAFF, request ->
            ApiResponse.ok(show.execute(request.query("customerId"), request.query("month")))));
  }

  private static ApiResponse refusing(java.util.function.Supplier<ApiResponse> action) {
    try {
      return action.get();
    } catch (MailLinkRefused refused) {
      Observability.count("MailLinkRefused");
      throw new ApiProblem(switch (refused.reason()) {
        case INVALID -> ProblemType.LINK_INVALID;
        case EXPIRED -> ProblemType.LINK_EXPIRED;
        case USED -> ProblemType.LINK_USED;
      }, refused.getMessage());
    }
  }
}
