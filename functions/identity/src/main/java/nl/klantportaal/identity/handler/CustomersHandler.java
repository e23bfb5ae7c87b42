package nl.klantportaal.identity.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Idempotent;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.usecase.CreateCustomer;
import nl.klantportaal.accounts.customer.usecase.CustomerInput;
import nl.klantportaal.accounts.customer.usecase.CustomerView;
import nl.klantportaal.accounts.customer.usecase.GetCustomer;
import nl.klantportaal.accounts.customer.usecase.ListCustomers;
import nl.klantportaal.accounts.customer.usecase.UpdateCustomer;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.core.shared.domain.RandomIds;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/** The provider's customers (tenants): provider staff read them, provider admins create and change them. */
public final class CustomersHandler extends HttpApiHandler {

  public CustomersHandler() {
    this(System.getenv());
  }

  public CustomersHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public CustomersHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var customers = IdentityWiring.of(wiring).customers();
    var list = new ListCustomers(customers);
    var get = new GetCustomer(customers);
    var create = new CreateCustomer(customers, wiring.clock(), RandomIds::suffix);
    var update = new UpdateCustomer(customers, wiring.clock());
    return Routes.of(
        Route.of("GET /customers", Access.PROVIDER_STAFF, request -> ApiResponse.ok(
            PageView.of(list.execute(new PageRequest(request.query("cursor"), request.limit(25, 100))), CustomerView::of))),
        Route.of("POST /customers", Access.PROVIDER_ADMIN, Idempotent.route(wiring.idempotency(), request -> {
          Customer created = create.execute(request.requireCaller().userId(), request.jsonBody(CustomerInput.class));
          Observability.count("CustomerCreated");
          return ApiResponse.created("/customers/" + created.id(), CustomerView.of(created));
        })),
        Route.of("GET /customers/{customerId}", Access.LINKED,
            request -> ApiResponse.ok(CustomerView.of(get.execute(request.requireCaller(), request.customerId())))),
        Route.of("PUT /customers/{customerId}", Access.PROVIDER_ADMIN, request -> ApiResponse.ok(
            CustomerView.of(update.execute(request.requireCaller().userId(), request.customerId(), request.jsonBody(CustomerInput.class))))));
  }
}
