package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.idempotency.usecase.ClaimGate;
import nl.klantportaal.core.shared.concurrent.Alongside;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketType;
import nl.klantportaal.ticketing.port.CatalogueRepository;

/**
 * Raises a ticket or a service request. The number comes from the customer's counter; a service
 * request's answers are checked against its form, and when the request type needs a customer
 * admin's approval the ticket waits for it — unless a customer admin raised it.
 */
public final class CreateTicket {
  private final TicketAccess access;
  private final CatalogueRepository catalogue;
  private final CustomerRepository customers;
  private final Clock clock;

  public CreateTicket(TicketAccess access, CatalogueRepository catalogue, CustomerRepository customers, Clock clock) {
    this.access = access;
    this.catalogue = catalogue;
    this.customers = customers;
    this.clock = clock;
  }

  public Ticket execute(Caller caller, NewTicketInput input) {
    return execute(caller, input, TicketSource.PORTAL);
  }

  /**
   * As {@link #execute(Caller, NewTicketInput)}, for a customer's ticket that reached the provider by
   * {@code channel} (inbound mail: {@code EMAIL}); the channel is the calling function's, never the
   * input's. Provider staff name the source in the input as before.
   */
  public Ticket execute(Caller caller, NewTicketInput input, TicketSource channel) {
    boolean staff = caller.role().isProviderStaff();
    Validation v = new Validation();
    TicketType type = v.requiredEnum("type", input.type(), TicketType.values(), TicketType::wireName).orElse(null);
    Priority priority = v.optionalEnum("priority", input.priority(), Priority.values(), Priority::wireName)
        .orElse(Priority.NORMAL);
    Optional<String> title = v.requiredText("title", input.title(), 200);
    Optional<String> description = v.requiredMultilineText("description", input.description(), 20_000);
    Optional<String> category = v.requiredText("category", input.category(), 40);
    TicketSource source = staff
        ? v.optionalEnum("source", input.source(), TicketSource.values(), TicketSource::wireName).orElse(TicketSource.PHONE)
        : channel;
    v.check(staff || input.source() == null, "source", "not-allowed", "is set by the portal for customers");
    v.check(staff || input.customerId() == null, "customerId", "not-allowed", "is your own organisation");
    v.check(staff || input.reporterId() == null, "reporterId", "not-allowed", "is you");
    v.check(!staff || input.customerId() != null, "customerId", "required", "is required when staff raise a ticket");
    v.check(!staff || input.reporterId() != null, "reporterId", "required", "is required when staff raise a ticket");
    List<String> involvedIds = input.involved() == null ? List.of() : input.involved();
    v.check(involvedIds.size() <= Ticket.MAX_INVOLVED, "involved", "too-many",
        "must have at most " + Ticket.MAX_INVOLVED + " persons");
    Catalogue known = catalogue.loadKnowing(c -> category.map(x -> c.activeCategory(x).isPresent()).orElse(true)
        && (type != TicketType.SERVICE_REQUEST || input.requestType() == null
            || c.activeRequestType(input.requestType()).isPresent()));
    category.ifPresent(c -> v.check(known.activeCategory(c).isPresent(), "category", "one-of",
        "must be one of " + known.categories().stream().filter(x -> x.active()).map(x -> x.id()).toList()));
    Optional<RequestType> requestType = Optional.empty();
    Map<String, String> answers = new LinkedHashMap<>();
    if (type == TicketType.SERVICE_REQUEST) {
      v.check(input.requestType() != null, "requestType", "required", "is required for a service request");
      if (input.requestType() != null) {
        requestType = known.activeRequestType(input.requestType());
        v.check(requestType.isPresent(), "requestType", "one-of", "must be one of "
            + known.requestTypes().stream().filter(RequestType::active).map(RequestType::id).toList());
      }
      if (requestType.isPresent()) {
        answers = requestType.get().form().validate(input.answers() == null ? Map.of() : input.answers(), v);
      }
    } else {
      v.check(input.requestType() == null, "requestType", "not-allowed", "belongs to service requests only");
      v.check(input.answers() == null, "answers", "not-allowed", "belong to service requests only");
    }
    v.check(input.customerId() == null || TenantId.isValid(input.customerId()), "customerId", "format", "is not a customer id");
    v.throwIfInvalid();

    TenantId tenant = staff ? new TenantId(input.customerId()) : caller.requireTenant();
    // the number is taken (an atomic ADD) alongside the reads of the people and the customer: one round trip
    // for all; a create refused after this leaves a gap in the customer's numbers, never a duplicate
    Future<TicketNumber> number = Alongside.start(() -> access.tickets().nextNumber(tenant));
    if (staff && customers.find(tenant).isEmpty()) {
      throw new DomainException.InvalidInput(List.of(new nl.klantportaal.core.shared.domain.FieldError(
          "customerId", "unknown", "is not a customer of the provider")));
    }
    UserId reporterId = staff ? new UserId(input.reporterId()) : caller.userId();
    UserProfile reporter = access.activeMember(tenant, reporterId).orElseThrow(() -> fieldError("reporterId",
        "is not an active user of this customer"));
    List<UserId> involved = new ArrayList<>();
    for (int i = 0; i < involvedIds.size(); i++) {
      String raw = involvedIds.get(i);
      Optional<UserProfile> person = raw == null || raw.isBlank() || raw.length() > 128 ? Optional.empty()
          : access.activeMember(tenant, new UserId(raw));
      if (person.isEmpty()) {
        throw fieldError("involved[" + i + "]", "is not an active user of your organisation");
      }
      if (!person.get().id().equals(reporterId) && !involved.contains(person.get().id())) {
        involved.add(person.get().id());
      }
    }
    Optional<TicketNumber> followUpOf = Optional.empty();
    if (input.followUpOf() != null) {
      if (input.followUpOf() < 1 || input.followUpOf() > TicketNumber.MAX) {
        throw fieldError("followUpOf", "is not a ticket number");
      }
      TicketRef previous = new TicketRef(tenant, new TicketNumber(input.followUpOf()));
      access.visible(caller, previous).requireClosedForFollowUp();
      followUpOf = Optional.of(previous.number());
    }
    // A request whose reporter is a customer admin (raised by the admin, or by staff for them) is approved
    // by asking: the admin is who would decide. It starts approved, not without approval, so what follows
    // an approval (an extra-hours request's bundle) follows it too.
    ApprovalState approval = !requestType.map(RequestType::approvalRequired).orElse(false) ? ApprovalState.NONE
        : reporter.membership().role() == Role.CUSTOMER_ADMIN ? ApprovalState.APPROVED : ApprovalState.PENDING;

    Instant now = clock.instant();
    Actor.Person reporterPerson = new Actor.Person(reporter.id(), reporter.membership().role(), reporter.name().display());
    Actor.Person creator = staff ? access.actor(caller) : reporterPerson; // a customer reports for itself: profile read once
    Map<String, String> details = new LinkedHashMap<>();
    details.put("type", type.wireName());
    details.put("priority", priority.wireName());
    details.put("source", source.wireName());
    followUpOf.ifPresent(n -> details.put("followUpOf", n.toString()));
    requestType.ifPresent(r -> details.put("requestType", r.id()));
    TicketRef ref = new TicketRef(tenant, Alongside.joined(number, "the ticket counter"));
    ClaimGate.beforeWrite(); // POST /tickets claims its Idempotency-Key alongside the reads above: it must hold it now
    Ticket ticket = Ticket.create(ref, type, category.orElseThrow(), priority, title.orElseThrow(),
        description.orElseThrow(), reporterPerson, involved, source, requestType.map(RequestType::id), answers,
        approval, followUpOf, creator, now);
    access.tickets().create(ticket, List.of(), TicketAudit.of(creator, now, "created", details));
    return ticket;
  }

  private static DomainException.InvalidInput fieldError(String field, String message) {
    return new DomainException.InvalidInput(List.of(new nl.klantportaal.core.shared.domain.FieldError(field, "unknown", message)));
  }
}
