package nl.klantportaal.ticketing.usecase;

import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.TicketRepository.Filter;
import nl.klantportaal.ticketing.port.TicketRepository.Sort;
import nl.klantportaal.ticketing.port.TicketRepository.TicketQuery;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * The ticket views (GET /tickets?view=...), each one keyed query. Customers: {@code mine} (reported
 * by me), {@code shared} (I am involved), {@code organisation} and {@code approvals} (customer
 * admins). Provider staff: {@code status}, {@code assignee} ({@code me}, {@code none} or a user id)
 * and {@code customer}. {@code priority} and {@code category} filter within the keyed query.
 */
public final class ListTickets {
  private final TicketRepository tickets;

  public ListTickets(TicketRepository tickets) {
    this.tickets = tickets;
  }

  /** The query parameters as given; every one is optional. */
  public record ListInput(Optional<String> view, Optional<String> status, Optional<String> assignee,
      Optional<String> customerId, Optional<String> sort, Optional<String> priority, Optional<String> category) {}

  /** A query parameter the caller can fix: the handler answers 400 invalid-parameter. */
  public static final class BadParameter extends RuntimeException {
    public BadParameter(String message) {
      super(message, null, false, false);
    }
  }

  public Page<Ticket> execute(Caller caller, ListInput input, PageRequest page) {
    boolean staff = caller.role().isProviderStaff();
    String view = input.view().orElse(staff ? "status" : "mine");
    Filter filter = new Filter(
        input.priority().map(p -> WireEnum.fromWire(Priority.class, p).orElseThrow(() -> bad("priority", p))),
        input.category().map(c -> {
          if (!c.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw bad("category", c);
          }
          return c;
        }));
    Sort sort = input.sort().map(s -> switch (s) {
      case "updated" -> Sort.UPDATED;
      case "created" -> Sort.CREATED;
      default -> throw bad("sort", s);
    }).orElse(Sort.UPDATED);
    TicketQuery query = switch (view) {
      case "mine" -> customerOnly(caller, () -> new TicketQuery.Reported(caller.requireTenant(), caller.userId(), filter));
      case "shared" -> customerOnly(caller, () -> new TicketQuery.Shared(caller.requireTenant(), caller.userId(), filter));
      case "organisation" -> adminOnly(caller, () -> new TicketQuery.Organisation(caller.requireTenant(), sort, filter));
      case "approvals" -> adminOnly(caller, () -> new TicketQuery.PendingApproval(caller.requireTenant(), filter));
      case "status" -> staffOnly(caller, () -> new TicketQuery.ByStatus(
          input.status().map(s -> WireEnum.fromWire(TicketStatus.class, s).orElseThrow(() -> bad("status", s)))
              .orElse(TicketStatus.NEW), sort, filter));
      case "assignee" -> staffOnly(caller, () -> new TicketQuery.ByAssignee(input.assignee().orElse("me").equals("none")
          ? Optional.empty()
          : Optional.of(input.assignee().filter(a -> !a.equals("me")).map(this::userId).orElse(caller.userId())), filter));
      case "customer" -> staffOnly(caller, () -> new TicketQuery.Organisation(input.customerId()
          .filter(TenantId::isValid).map(TenantId::new).orElseThrow(() -> bad("customerId", input.customerId().orElse(""))),
          sort, filter));
      default -> throw bad("view", view);
    };
    if (sort == Sort.CREATED && !(query instanceof TicketQuery.Organisation || query instanceof TicketQuery.ByStatus)) {
      throw new BadParameter("sort=created is offered for the organisation, customer and status views only");
    }
    return tickets.list(query, page);
  }

  private UserId userId(String value) {
    if (value.length() > 128 || value.isBlank()) {
      throw bad("assignee", value);
    }
    return new UserId(value);
  }

  private static BadParameter bad(String name, String value) {
    return new BadParameter("Query parameter " + name + " has an unknown value: " + value);
  }

  private static TicketQuery customerOnly(Caller caller, java.util.function.Supplier<TicketQuery> query) {
    if (!caller.role().isCustomer()) {
      throw new DomainException.Forbidden("This view is for customers; provider staff use status, assignee or customer");
    }
    return query.get();
  }

  private static TicketQuery adminOnly(Caller caller, java.util.function.Supplier<TicketQuery> query) {
    if (caller.role() != Role.CUSTOMER_ADMIN) {
      throw new DomainException.Forbidden("Only a customer admin sees all tickets of the organisation");
    }
    return query.get();
  }

  private static TicketQuery staffOnly(Caller caller, java.util.function.Supplier<TicketQuery> query) {
    if (!caller.role().isProviderStaff()) {
      throw new DomainException.Forbidden("This view is for provider staff");
    }
    return query.get();
  }
}
