package nl.klantportaal.billing.handler;

import java.util.Map;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.port.InvoiceDocuments;
import nl.klantportaal.billing.usecase.invoice.InvoiceInput;
import nl.klantportaal.billing.usecase.invoice.InvoiceView;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Idempotent;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Invoices. Customer admins read their own customer's final invoices and download their PDFs
 * ({@code /invoices}); provider staff read every customer's, drafts included, and provider admins draft,
 * revise, discard, finalise, credit and move the payment state ({@code /customers/{customerId}/invoices}),
 * and keep each customer's invoicing details ({@code /customers/{customerId}/invoice-profile}).
 */
public final class InvoicesHandler extends HttpApiHandler {

  public InvoicesHandler() {
    this(System.getenv());
  }

  public InvoicesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public InvoicesHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public InvoicesHandler(KernelWiring wiring, MailSender sender) {
    super(routes(InvoiceWiring.of(wiring, sender), wiring.idempotency()));
  }

  private static Routes routes(InvoiceWiring invoices, IdempotentExecution idempotency) {
    var access = invoices.access();
    var view = invoices.view();
    var drafts = invoices.drafts();
    var issue = invoices.issue();
    var payments = invoices.payments();
    var profiles = invoices.profiles();
    return Routes.of(
        // The customer's own (customer admins; a customer user is told invoices are for the admins).
        Route.of("GET /invoices", Access.CUSTOMER, r -> ApiResponse.ok(Map.of("invoices",
            view.list(r.requireCaller(), access.own(r.requireCaller()), r.language())))),
        Route.of("GET /invoices/{invoiceId}", Access.CUSTOMER, r -> ApiResponse.ok(
            view.get(r.requireCaller(), access.own(r.requireCaller()), invoiceId(r), r.language()))),
        Route.of("GET /invoices/{invoiceId}/document", Access.CUSTOMER, r -> ApiResponse.ok(link(
            view.document(r.requireCaller(), access.own(r.requireCaller()), invoiceId(r), r.language())))),
        // Staff: any customer's; provider admins change them.
        Route.of("GET /customers/{customerId}/invoices", Access.PROVIDER_STAFF, r -> ApiResponse.ok(Map.of("invoices",
            view.list(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), r.language())))),
        Route.of("POST /customers/{customerId}/invoices", Access.PROVIDER_ADMIN, Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          var draft = drafts.draft(r.requireCaller(), customer, r.jsonBody(InvoiceInput.Draft.class));
          return ApiResponse.created("/customers/" + customer.value() + "/invoices/" + draft.id(),
              view.get(r.requireCaller(), customer, draft.id(), r.language()));
        })),
        Route.of("GET /customers/{customerId}/invoices/{invoiceId}", Access.PROVIDER_STAFF, r -> ApiResponse.ok(
            view.get(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r), r.language()))),
        Route.of("PUT /customers/{customerId}/invoices/{invoiceId}/lines", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(InvoiceView.of(
            drafts.revise(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r),
                r.jsonBody(InvoiceInput.Lines.class)), r.language()))),
        Route.of("POST /customers/{customerId}/invoices/{invoiceId}/discard", Access.PROVIDER_ADMIN, r -> {
          drafts.discard(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r),
              r.jsonBody(InvoiceInput.Version.class));
          return ApiResponse.noContent();
        }),
        Route.of("POST /customers/{customerId}/invoices/{invoiceId}/finalise", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(InvoiceView.of(
            issue.finalise(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r),
                r.jsonBody(InvoiceInput.Version.class)), r.language()))),
        Route.of("POST /customers/{customerId}/invoices/{invoiceId}/credit", Access.PROVIDER_ADMIN, Idempotent.route(idempotency, r -> {
          var customer = access.staffCustomer(r.requireCaller(), r.customerId());
          var credit = issue.credit(r.requireCaller(), customer, invoiceId(r), r.jsonBody(InvoiceInput.Version.class));
          return ApiResponse.created("/customers/" + customer.value() + "/invoices/" + credit.id(), InvoiceView.of(credit, r.language()));
        })),
        Route.of("POST /customers/{customerId}/invoices/{invoiceId}/status", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(InvoiceView.of(
            payments.execute(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r),
                r.jsonBody(InvoiceInput.State.class)), r.language()))),
        Route.of("GET /customers/{customerId}/invoices/{invoiceId}/document", Access.PROVIDER_STAFF, r -> ApiResponse.ok(link(
            view.document(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()), invoiceId(r),
                r.language())))),
        Route.of("GET /customers/{customerId}/invoice-profile", Access.PROVIDER_STAFF, r -> ApiResponse.ok(profile(
            profiles.get(access.staffCustomer(r.requireCaller(), r.customerId()))))),
        Route.of("PUT /customers/{customerId}/invoice-profile", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(profile(
            profiles.put(r.requireCaller(), access.staffCustomer(r.requireCaller(), r.customerId()),
                r.jsonBody(InvoiceInput.Profile.class))))));
  }

  private static String invoiceId(ApiRequest r) {
    return r.pathParameter("invoiceId");
  }

  private static Map<String, Object> link(InvoiceDocuments.Link link) {
    return Map.of("url", link.url(), "expiresAt", link.expiresAt().toString());
  }

  private static Map<String, Object> profile(InvoiceProfile p) {
    return Map.of("address", p.address(), "vatId", p.vatId().orElse(""), "vatRate", p.vatRate().wireName(),
        "paymentTermDays", p.paymentTermDays(), "billingEmails", p.billingEmails(), "version", p.version());
  }
}
