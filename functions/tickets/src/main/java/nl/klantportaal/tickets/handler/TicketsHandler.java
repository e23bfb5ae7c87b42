package nl.klantportaal.tickets.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Idempotent;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.sla.usecase.QueueDeadlines;
import nl.klantportaal.sla.usecase.ShowTicketSla;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.usecase.RatingView;
import nl.klantportaal.ticketing.usecase.ChangeInvolved;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.DecideApproval;
import nl.klantportaal.ticketing.usecase.GetTicket;
import nl.klantportaal.ticketing.usecase.ListTickets;
import nl.klantportaal.ticketing.usecase.NewTicketInput;
import nl.klantportaal.ticketing.usecase.ReplyToTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.usecase.TicketDetailView;
import nl.klantportaal.ticketing.usecase.TicketView;
import nl.klantportaal.ticketing.usecase.TriageTicket;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/**
 * Tickets and service requests: raise, list, read with the conversation, reply, move through the
 * life cycle, triage, involve colleagues and approve. Who may see a ticket is decided by the ticket
 * itself ({@link Ticket#visibleTo}); anyone else gets 404.
 */
public final class TicketsHandler extends HttpApiHandler {

  public TicketsHandler() {
    this(System.getenv());
  }

  public TicketsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public TicketsHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var identity = IdentityWiring.of(wiring);
    var slaWiring = SlaWiring.of(wiring);
    var ticketWiring = TicketWiring.of(wiring);
    var access = new TicketAccess(slaWiring.tickets(), identity.users());
    var catalogue = ticketWiring.cachedCatalogue();
    var create = new CreateTicket(access, catalogue, identity.customers(), wiring.clock());
    var list = new ListTickets(access.tickets());
    var get = new GetTicket(access);
    var slaSettings = slaWiring.slaSettingsForViews();
    var sla = new ShowTicketSla(slaWiring.slaRecords(), slaSettings, wiring.clock());
    var deadlines = new QueueDeadlines(slaWiring.slaRecords(), slaSettings, wiring.clock());
    var reply = new ReplyToTicket(access, wiring.clock());
    var transition = new ChangeTicketStatus(access, wiring.clock(), ticketWiring.autoCloseAfter());
    var triage = new TriageTicket(access, catalogue, wiring.clock());
    var involve = new ChangeInvolved(access, wiring.clock());
    var approve = new DecideApproval(access, wiring.clock());
    var ratings = ticketWiring.ratings();
    return Routes.of(
        Route.of("POST /tickets", Access.LINKED, Idempotent.routeClaimingAlongsideReads(wiring.idempotency(), request -> {
          Caller caller = request.requireCaller();
          Ticket created = create.execute(caller, request.jsonBody(NewTicketInput.class));
          Observability.count("TicketCreated");
          return ApiResponse.created("/tickets/" + created.ref().token(), TicketView.of(created, staff(caller)));
        })),
        Route.of("GET /tickets", Access.LINKED, request -> {
          Caller caller = request.requireCaller();
          var input = new ListTickets.ListInput(request.query("view"), request.query("status"), request.query("assignee"),
              request.query("customerId"), request.query("sort"), request.query("priority"), request.query("category"),
              request.query("q"));
          try {
            var page = list.execute(caller, input, new PageRequest(request.query("cursor"), request.limit(25, 100)));
            if (!staff(caller)) {
              return ApiResponse.ok(PageView.of(page, t -> TicketView.of(t, false)));
            }
            // Staff queues show each open ticket's next SLA deadline: the page's SLA records in one BatchGetItem.
            var next = deadlines.of(page.items());
            return ApiResponse.ok(PageView.of(page, t -> TicketView.of(t, true)
                .withNextDeadline(java.util.Optional.ofNullable(next.get(t.ref())))));
          } catch (ListTickets.BadParameter e) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, e.getMessage());
          }
        }),
        Route.of("GET /tickets/{ticketId}", Access.LINKED, request -> {
          Caller caller = request.requireCaller();
          TicketRef ref = ticketId(request);
          var thread = get.execute(caller, ref);
          var detail = TicketDetailView.of(thread, staff(caller)).withSla(sla.execute(ref));
          // Staff read the rating with the thread; a customer's closed ticket reads it with one more GetItem.
          boolean closedForCustomer = !staff(caller) && thread.ticket().status() == TicketStatus.CLOSED;
          return ApiResponse.ok(closedForCustomer ? detail.withRating(ratings.of(ref).map(RatingView::of)) : detail);
        }),
        Route.of("PATCH /tickets/{ticketId}", Access.PROVIDER_STAFF, request -> ApiResponse.ok(TicketView.of(
            triage.execute(request.requireCaller(), ticketId(request), request.jsonBody(TriageTicket.TriageInput.class)), true))),
        Route.of("POST /tickets/{ticketId}/messages", Access.LINKED, request -> {
          TicketRef ref = ticketId(request);
          TicketMessage message = reply.execute(request.requireCaller(), ref,
              request.jsonBody(ReplyToTicket.ReplyInput.class), TicketSource.PORTAL);
          Observability.count(message.internal() ? "TicketNoteAdded" : "TicketReplyAdded");
          return ApiResponse.created("/tickets/" + ref.token(), new MessageCreated(message.id(), message.internal(),
              message.at().toString()));
        }),
        Route.of("POST /tickets/{ticketId}/transitions", Access.LINKED, request -> {
          Caller caller = request.requireCaller();
          return ApiResponse.ok(TicketView.of(transition.execute(caller, ticketId(request),
              request.jsonBody(ChangeTicketStatus.TransitionInput.class)), staff(caller)));
        }),
        Route.of("PUT /tickets/{ticketId}/involved", Access.LINKED, request -> {
          Caller caller = request.requireCaller();
          return ApiResponse.ok(TicketView.of(involve.execute(caller, ticketId(request),
              request.jsonBody(ChangeInvolved.InvolvedInput.class)), staff(caller)));
        }),
        Route.of("POST /tickets/{ticketId}/approval", Access.CUSTOMER_ADMIN, request -> ApiResponse.ok(TicketView.of(
            approve.execute(request.requireCaller(), ticketId(request), request.jsonBody(DecideApproval.ApprovalInput.class)),
            false))));
  }

  /** The answer to a new reply or note: where it is and whether it is internal. */
  public record MessageCreated(String id, boolean internal, String at) {}

  private static boolean staff(Caller caller) {
    return caller.role().isProviderStaff();
  }

  /** The {ticketId} path parameter (the ticket's token); one that cannot be a ticket is a ticket that does not exist. */
  static TicketRef ticketId(ApiRequest request) {
    String raw = request.pathParameter("ticketId");
    return TicketRef.parse(raw).orElseThrow(() -> new nl.klantportaal.core.shared.domain.DomainException.NotFound("Ticket " + raw));
  }
}
