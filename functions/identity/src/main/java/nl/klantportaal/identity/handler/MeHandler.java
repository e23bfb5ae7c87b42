package nl.klantportaal.identity.handler;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.klantportaal.identity.wiring.AccountMailWiring;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.usecase.AuthRequests;
import nl.klantportaal.accounts.identity.usecase.ChangeEmail;
import nl.klantportaal.accounts.identity.usecase.ProfileInput;
import nl.klantportaal.accounts.identity.usecase.ProfileView;
import nl.klantportaal.accounts.identity.usecase.UpdateOwnProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * /me: who the verified token says the caller is, with the stored profile. Viewing is reachable
 * before MFA enrolment, so a new user sees its own pending state; changes need MFA like the rest.
 * A verified e-mail change mails the old address (through the outbox, {@link AccountMailWiring}).
 */
public final class MeHandler extends HttpApiHandler {

  public MeHandler() {
    this(System.getenv());
  }

  public MeHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public MeHandler(KernelWiring wiring) {
    this(wiring, CognitoWiring.of(wiring).userDirectory(), CognitoWiring.of(wiring).identityProvider(),
        () -> MailWiring.sender(wiring));
  }

  /**
   * {@code mail}: the sender of the e-mail-change notice. The e-mail change's wiring (the outbox's delivery, the SES
   * client) is built at the first e-mail change, not during init: GET /me, the route most requests take, needs none of it.
   */
  MeHandler(KernelWiring wiring, UserDirectory directory, IdentityProvider provider, Supplier<MailSender> mail) {
    super(routes(wiring, directory, provider, mail));
  }

  private static Routes routes(KernelWiring wiring, UserDirectory directory, IdentityProvider provider,
      Supplier<MailSender> mail) {
    var users = IdentityWiring.of(wiring).users();
    var update = new UpdateOwnProfile(users, directory, wiring.clock());
    Supplier<ChangeEmail> changeEmail = AccountMailWiring.changeEmailOnFirstUse(wiring, mail, provider);
    return Routes.of(
        Route.of("GET /me", Access.SIGNED_IN, r -> {
          var caller = r.requireCaller();
          return ApiResponse.ok(ProfileView.of(caller, users.find(caller.userId())));
        }).beforeMfa(),
        Route.of("PATCH /me", Access.SIGNED_IN, r -> {
          var caller = r.requireCaller();
          var next = update.execute(caller, r.jsonBody(ProfileInput.class));
          return ApiResponse.ok(ProfileView.of(caller, Optional.of(next)));
        }),
        Route.of("POST /me/email", Access.SIGNED_IN, r -> {
          changeEmail.get().request(r.requireCaller(), r.jsonBody(ChangeEmail.Request.class));
          return ApiResponse.json(202, Map.of("status", "code-sent"));
        }),
        Route.of("POST /me/email/verify", Access.SIGNED_IN, r -> {
          var caller = r.requireCaller();
          var next = changeEmail.get().verify(caller, r.jsonBody(AuthRequests.AccessToken.class));
          return ApiResponse.ok(ProfileView.of(caller, Optional.of(next)));
        }));
  }
}
