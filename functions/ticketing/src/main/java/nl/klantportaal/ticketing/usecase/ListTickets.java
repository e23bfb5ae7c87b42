package nl.klantportaal.ticketing.usecase;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TitleWords;
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
 * and {@code customer}. {@code priority} and {@code category} filter within the keyed query; {@code q}
 * searches within the view by number or title words ({@link #search}).
 */
public final class ListTickets {
  private final TicketRepository tickets;

  public ListTickets(TicketRepository tickets) {
    this.tickets = tickets;
  }

  /** The query parameters as given; every one is optional. */
  public record ListInput(Optional<String> view, Optional<String> status, Optional<String> assignee,
      Optional<String> customerId, Optional<String> sort, Optional<String> priority, Optional<String> category,
      Optional<String> q) {
    public ListInput(Optional<String> view, Optional<String> status, Optional<String> assignee,
        Optional<String> customerId, Optional<String> sort, Optional<String> priority, Optional<String> category) {
      this(view, status, assignee, customerId, sort, priority, category, Optional.empty());
    }
  }

  /** The longest search text taken. */
  public static final int MAX_QUERY_LENGTH = 100;
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("#?([1-9][0-9]{0,7})");

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
    Optional<String> q = input.q().map(String::strip).filter(text -> !text.isEmpty());
    if (q.isPresent()) {
      return search(caller, query, q.get(), page);
    }
    return tickets.list(query, page);
  }

  /**
   * {@code q} within a view (docs/tickets.md "Search"). A number ({@code 42}, {@code #42}) or a
   * token ({@code acme-k3j9pq-42}) answers that ticket, when the caller may see it and it belongs to
   * the view's customer, whatever the view's other filters: one GetItem, or for provider staff without
   * a customer one keyed Query of the number lookup (a ticket of every customer with that number). Text
   * shaped like a token that names no ticket the caller may see ({@code windows-11}) is searched as
   * words, within the caller's scope as always.
   * Words read one page of the title index of the view's customer (every customer's for the status and
   * assignee views) and keep the tickets that are in the view and pass its filters.
   */
  private Page<Ticket> search(Caller caller, TicketQuery query, String q, PageRequest page) {
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new BadParameter("Query parameter q is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    Optional<TenantId> customer = switch (query) {
      case TicketQuery.Reported r -> Optional.of(r.tenant());
      case TicketQuery.Shared s -> Optional.of(s.tenant());
      case TicketQuery.Organisation o -> Optional.of(o.tenant());
      case TicketQuery.PendingApproval p -> Optional.of(p.tenant());
      case TicketQuery.ByStatus b -> Optional.empty();
      case TicketQuery.ByAssignee a -> Optional.empty();
    };
    Predicate<Ticket> visible = t -> t.visibleTo(caller) && customer.map(t.ref().tenant()::equals).orElse(true);
    var number = NUMBER.matcher(q);
    if (number.matches()) {
      TicketNumber n = new TicketNumber(Long.parseLong(number.group(1)));
      List<Ticket> found = customer.isPresent()
          ? tickets.find(new TicketRef(customer.get(), n)).stream().toList()
          : tickets.withNumber(n);
      return new Page<>(found.stream().filter(visible).toList(), Optional.empty());
    }
    Optional<Ticket> named = TicketRef.parse(q).flatMap(tickets::find).filter(visible);
    if (named.isPresent()) {
      return new Page<>(List.of(named.get()), Optional.empty());
    }
    List<String> words = TitleWords.queryWords(q);
    if (words.isEmpty()) {
      throw new BadParameter("Query parameter q has no word to search for (stop words such as 'de', 'der', 'the' are not indexed)");
    }
    Predicate<Ticket> inView = switch (query) {
      case TicketQuery.Reported r -> t -> t.reporter().equals(r.reporter());
      case TicketQuery.Shared s -> t -> t.involved().contains(s.watcher());
      case TicketQuery.Organisation o -> t -> true;
      case TicketQuery.PendingApproval p -> t -> t.approval() == ApprovalState.PENDING;
      case TicketQuery.ByStatus b -> t -> t.status() == b.status();
      case TicketQuery.ByAssignee a -> t -> t.status() != TicketStatus.CLOSED && t.assignee().equals(a.assignee());
    };
    Filter filter = query.filter();
    Predicate<Ticket> passes = t -> filter.priority().map(t.priority()::equals).orElse(true)
        && filter.category().map(t.category()::equals).orElse(true);
    String lookup = TitleWords.termOf(TitleWords.lookupWord(words));
    Page<Ticket> read = tickets.searchTitles(new TicketRepository.TitleSearch(customer, lookup, words), page);
    return new Page<>(read.items().stream().filter(visible.and(inView).and(passes)).toList(), read.nextCursor());
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
