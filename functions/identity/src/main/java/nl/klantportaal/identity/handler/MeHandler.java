package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.PortalWiring;
import nl.klantportaal.core.api.ApiGatewayFunction;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.identity.port.IdentityProvider;
import nl.klantportaal.core.identity.port.UserDirectory;
import nl.klantportaal.core.identity.usecase.AuthRequests;
import nl.klantportaal.core.identity.usecase.ChangeEmail;
import nl.klantportaal.core.identity.usecase.ProfileInput;
import nl.klantportaal.core.identity.usecase.ProfileView;
import nl.klantportaal.core.identity.usecase.UpdateOwnProfile;

/**
 * /me: who the verified token says the caller is, with the stored profile. Viewing is reachable
 * before MFA enrolment, so a new user sees its own pending state; changes need MFA like the rest.
 */
public final class MeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, ApiHandler {
  private final ApiGatewayFunction api;

  public MeHandler() {
    this(System.getenv());
  }

  public MeHandler(Map<String, String> environment) {
    this(PortalWiring.fromEnvironment(environment));
  }

  public MeHandler(PortalWiring wiring) {
    this(wiring, wiring.userDirectory(), wiring.identityProvider());
  }

  MeHandler(PortalWiring wiring, UserDirectory directory, IdentityProvider provider) {
    var users = wiring.users();
    var update = new UpdateOwnProfile(users, directory, wiring.clock());
    var changeEmail = new ChangeEmail(provider, users, wiring.clock());
    api = new ApiGatewayFunction(Routes.of(
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
          changeEmail.request(r.requireCaller(), r.jsonBody(ChangeEmail.Request.class));
          return ApiResponse.json(202, Map.of("status", "code-sent"));
        }),
        Route.of("POST /me/email/verify", Access.SIGNED_IN, r -> {
          var caller = r.requireCaller();
          var next = changeEmail.verify(caller, r.jsonBody(AuthRequests.AccessToken.class));
          return ApiResponse.ok(ProfileView.of(caller, Optional.of(next)));
        })));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event, context);
  }

  @Override
  public Routes routes() {
    return api.routes();
  }
}
