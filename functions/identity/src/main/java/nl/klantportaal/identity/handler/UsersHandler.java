package nl.klantportaal.identity.handler;

import java.util.Map;
import nl.klantportaal.identity.wiring.AccountMailWiring;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Idempotent;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.identity.domain.MembershipChange;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.usecase.ChangeMembership;
import nl.klantportaal.accounts.identity.usecase.CreateStaffAccount;
import nl.klantportaal.accounts.identity.usecase.ListCustomerUsers;
import nl.klantportaal.accounts.identity.usecase.ListPendingUsers;
import nl.klantportaal.accounts.identity.usecase.MembershipInput;
import nl.klantportaal.accounts.identity.usecase.ShowAudit;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/** Accounts: the provider's linking queue, links and roles, deactivation, MFA reset, staff accounts, and the audit trail. */
public final class UsersHandler extends HttpApiHandler {

  public UsersHandler() {
    this(System.getenv());
  }

  public UsersHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public UsersHandler(KernelWiring wiring) {
    this(wiring, CognitoWiring.of(wiring).userDirectory(), MailWiring.sender(wiring));
  }

  public UsersHandler(KernelWiring wiring, UserDirectory directory, MailSender mail) {
    super(routes(wiring, directory, mail));
  }

  private static Routes routes(KernelWiring wiring, UserDirectory directory, MailSender mail) {
    var identity = IdentityWiring.of(wiring);
    var pending = new ListPendingUsers(identity.users(), identity.customers(), wiring.clock());
    var ofCustomer = new ListCustomerUsers(identity.users());
    var change = new ChangeMembership(identity.users(), identity.customers(), directory, wiring.clock());
    var resetMfa = AccountMailWiring.resetMfaOnFirstUse(wiring, mail, directory);
    var createStaff = new CreateStaffAccount(identity.users(), directory, wiring.clock());
    var audit = new ShowAudit(wiring.auditTrail());
    return Routes.of(
        Route.of("GET /admin/pending-users", Access.PROVIDER_ADMIN,
            r -> ApiResponse.ok(pending.execute(new PageRequest(r.query("cursor"), r.limit(25, 100))))),
        Route.of("GET /customers/{customerId}/users", Access.LINKED, r -> ApiResponse.ok(
            ofCustomer.execute(r.requireCaller(), r.customerId(), new PageRequest(r.query("cursor"), r.limit(25, 100))))),
        Route.of("POST /users/{userId}/link", Access.PROVIDER_ADMIN, r -> {
          MembershipInput input = r.jsonBody(MembershipInput.class);
          return view(change.execute(r.requireCaller(), r.userId(), input.link(), input.version()));
        }),
        Route.of("POST /users/{userId}/role", Access.PROVIDER_ADMIN, r -> {
          MembershipInput input = r.jsonBody(MembershipInput.class);
          return view(change.execute(r.requireCaller(), r.userId(), input.changeRole(), input.version()));
        }),
        Route.of("POST /users/{userId}/unlink", Access.PROVIDER_ADMIN, r -> view(change.execute(r.requireCaller(),
            r.userId(), new MembershipChange.Unlink(), r.jsonBody(MembershipInput.class).onlyVersion()))),
        Route.of("POST /users/{userId}/deactivate", Access.LINKED, r -> view(change.execute(r.requireCaller(),
            r.userId(), new MembershipChange.Deactivate(), r.jsonBody(MembershipInput.class).onlyVersion()))),
        Route.of("POST /users/{userId}/mfa-reset", Access.PROVIDER_ADMIN, r -> view(resetMfa.get().execute(r.requireCaller(),
            r.userId(), r.jsonBody(MembershipInput.class).onlyVersion()))),
        // The audit trail of every context, per object or per actor (docs/data-model.md, "Audit trail").
        Route.of("GET /audit", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(audit.execute(r.query("object"), r.query("actor"),
            new PageRequest(r.query("cursor"), r.limit(50, 100))))),
        Route.of("GET /staff", Access.PROVIDER_STAFF, r -> ApiResponse.ok(PageView.of(
            identity.users().staff(new PageRequest(r.query("cursor"), r.limit(25, 100))), ListCustomerUsers.UserView::of))),
        Route.of("POST /staff", Access.PROVIDER_ADMIN, Idempotent.route(wiring.idempotency(), r -> {
          var created = createStaff.execute(r.requireCaller().userId(), r.jsonBody(CreateStaffAccount.Input.class));
          return ApiResponse.created("/users/" + created.id(), ListCustomerUsers.UserView.of(created));
        })));
  }

  private static ApiResponse view(nl.klantportaal.accounts.identity.domain.UserProfile profile) {
    return ApiResponse.ok(ListCustomerUsers.UserView.of(profile));
  }
}
