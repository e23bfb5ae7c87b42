package nl.klantportaal.billing.handler;

import java.util.Map;
import nl.klantportaal.billing.usecase.BillingAccess;
import nl.klantportaal.billing.usecase.BundleInput;
import nl.klantportaal.billing.usecase.EntryFilter;
import nl.klantportaal.billing.usecase.EntryView;
import nl.klantportaal.billing.usecase.ExportRegistrations;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.usecase.SettingsView;
import nl.klantportaal.billing.usecase.SubscriptionInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Idempotent;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * Hour bundles and time registrations. Customers read their own ({@code /hour-bundles},
 * {@code /time-registrations}); provider staff read every customer's and register time
 * ({@code /customers/{customerId}/...}); provider admins manage bundles and billing settings.
 */
public final class BillingHandler extends HttpApiHandler {

  public BillingHandler() {
    this(System.getenv());
  }

  public BillingHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public BillingHandler(KernelWiring wiring) {
    super(routes(BillingWiring.of(wiring), wiring.idempotency()));
  }

  private static Routes routes(BillingWiring billing, IdempotentExecution idempotency) {
    BillingAccess access = billing.access();
    var bundles = billing.manageBundles();
    var register = billing.registerTime();
    var correct = billing.correctRegistration();
    var view = billing.viewHours();
    var settings = billing.settings();
    var export = billing.exportRegistrations();
    var subscriptions = billing.subscriptions();
    return Routes.of(
        // The customer's own hours (customer users only where their customer allows it).
        Route.of("GET /hour-bundles", Access.CUSTOMER, r -> ApiResponse.ok(
            view.overview(access.ownHours(r.requireCaller()), r.language()))),
        Route.of("GET /hour-bundles/{bundleId}", Access.CUSTOMER, r -> ApiResponse.ok(
            view.bundle(access.ownHours(r.requireCaller()), bundleId(r), r.language(), false))),
        Route.of("GET /time-registrations", Access.CUSTOMER, r -> ApiResponse.ok(
            view.entries(access.ownHours(r.requireCaller()), filter(r), r.language(), false))),
        Route.of("GET /time-registrations/export", Access.CUSTOMER, r -> file(
            export.execute(access.ownHours(r.requireCaller()), filter(r), r.query("format").orElse(""), r.language()))),
        Route.of("GET /subscriptions", Access.CUSTOMER, r -> ApiResponse.ok(Map.of("subscriptions",
            subscriptions.list(access.ownHours(r.requireCaller()), r.language())))),
        // Staff: any customer's hours, registrations, bundles, subscriptions and agreement.
        Route.of("GET /customers/{customerId}/subscriptions", Access.PROVIDER_STAFF, r -> ApiResponse.ok(Map.of("subscriptions",
            subscriptions.list(access.staffCustomer(r.requireCaller(), r.customerId()), r.language())))),
        Route.of("POST /customers/{customerId}/subscriptions", Access.PROVIDER_ADMIN, Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          var created = subscriptions.create(r.requireCaller(), customer, r.jsonBody(SubscriptionInput.class), r.language());
          return ApiResponse.created("/customers/" + customer.value() + "/subscriptions/" + created.id(), created);
        })),
        Route.of("PUT /customers/{customerId}/subscriptions/{subscriptionId}", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(
            subscriptions.change(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()),
                r.pathParameter("subscriptionId"), r.jsonBody(SubscriptionInput.class), r.language()))),
        Route.of("POST /customers/{customerId}/subscriptions/{subscriptionId}/cancel", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(
            subscriptions.cancel(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()),
                r.pathParameter("subscriptionId"), r.language()))),
        Route.of("GET /customers/{customerId}/hour-bundles", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.overview(access.staffCustomer(r.requireCaller(), r.customerId()), r.language()))),
        // An Idempotency-Key makes a retried create, registration or correction answer what the first did.
        Route.of("POST /customers/{customerId}/hour-bundles", Access.PROVIDER_ADMIN, Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          var bundle = bundles.create(r.requireCaller(), customer, r.jsonBody(BundleInput.class));
          return ApiResponse.created("/customers/" + customer.value() + "/hour-bundles/" + bundle.id(),
              view.bundle(customer, bundle.id(), r.language(), true));
        })),
        Route.of("GET /customers/{customerId}/hour-bundles/{bundleId}", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.bundle(access.staffCustomer(r.requireCaller(), r.customerId()), bundleId(r), r.language(), true))),
        Route.of("POST /customers/{customerId}/hour-bundles/{bundleId}/activate", Access.PROVIDER_ADMIN, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          bundles.activate(r.requireCaller(), customer, bundleId(r));
          return ApiResponse.ok(view.bundle(customer, bundleId(r), r.language(), true));
        }),
        Route.of("POST /customers/{customerId}/hour-bundles/{bundleId}/cancel", Access.PROVIDER_ADMIN, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          bundles.cancel(r.requireCaller(), customer, bundleId(r));
          return ApiResponse.ok(view.bundle(customer, bundleId(r), r.language(), true));
        }),
        Route.of("GET /customers/{customerId}/time-registrations", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.entries(access.staffCustomer(r.requireCaller(), r.customerId()), filter(r), r.language(), true))),
        Route.of("GET /customers/{customerId}/time-registrations/export", Access.PROVIDER_STAFF, r -> file(
            export.execute(access.staffCustomer(r.requireCaller(), r.customerId()), filter(r), r.query("format").orElse(""),
                r.language()))),
        Route.of("POST /customers/{customerId}/time-registrations", Access.PROVIDER_STAFF, Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          LedgerChange booked = register.execute(r.requireCaller(), customer, r.jsonBody(RegistrationInput.class));
          return ApiResponse.created("/customers/" + customer.value() + "/time-registrations/"
              + booked.lines().getFirst().registrationId(), booked(booked, r));
        })),
        Route.of("POST /customers/{customerId}/time-registrations/{registrationId}/correction", Access.PROVIDER_STAFF,
            Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          LedgerChange booked = correct.execute(r.requireCaller(), customer, r.pathParameter("registrationId"),
              r.jsonBody(RegistrationInput.class));
          return ApiResponse.created("/customers/" + customer.value() + "/time-registrations/"
              + booked.correctionId().orElseThrow(), booked(booked, r));
        })),
        Route.of("GET /customers/{customerId}/billing-settings", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            SettingsView.of(settings.get(access.staffCustomer(r.requireCaller(), r.customerId()))))),
        Route.of("PUT /customers/{customerId}/billing-settings", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(
            SettingsView.of(settings.put(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()),
                r.jsonBody(SettingsInput.class))))));
  }

  private static Map<String, Object> booked(LedgerChange change, ApiRequest r) {
    return Map.of("lines", change.lines().stream().map(e -> EntryView.of(e, r.language(), true)).toList());
  }

  private static ApiResponse file(ExportRegistrations.ExportFile file) {
    return ApiResponse.file(file.contentType(), file.fileName(), file.content());
  }

  private static String bundleId(ApiRequest r) {
    return r.pathParameter("bundleId");
  }

  private static EntryFilter filter(ApiRequest r) {
    return new EntryFilter(r.query("from").orElse(null), r.query("to").orElse(null), r.query("type").orElse(null),
        r.query("ticket").orElse(null));
  }
}
