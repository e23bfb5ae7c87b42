package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.util.Map;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.usecase.RegisterConfirmedUser;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/** Cognito PostConfirmation: a confirmed sign-up becomes a pending portal account. */
public final class PostConfirmationHandler
    implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
  private final RegisterConfirmedUser register;
  private final UserRepository users;

  public PostConfirmationHandler() {
    this(System.getenv());
  }

  public PostConfirmationHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public PostConfirmationHandler(KernelWiring wiring) {
    this.users = IdentityWiring.of(wiring).users();
    this.register = new RegisterConfirmedUser(users, wiring.clock());
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: a confirmed password reset through the handler (passed through unchanged, as
   * every trigger source but a confirmed sign-up), then the read of a user who does not exist. A
   * registration itself is never primed: it would create an account.
   */
  public Map<String, String> prime() {
    CognitoUserPoolPostConfirmationEvent event = CognitoUserPoolPostConfirmationEvent.builder()
        .withTriggerSource("PostConfirmation_ConfirmForgotPassword")
        .withUserName(Priming.NAME)
        .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
            .withUserAttributes(Map.of("sub", PreTokenGenerationHandler.PRIMING_SUB, "email", "snapstart-priming@priming.invalid"))
            .build())
        .build();
    return new Priming()
        .step("password reset passed through", context -> handleRequest(event, context))
        .step("user who does not exist", context -> users.find(new UserId(PreTokenGenerationHandler.PRIMING_SUB)))
        .outcomes();
  }

  @Override
  public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      if ("PostConfirmation_ConfirmSignUp".equals(event.getTriggerSource())) {
        Map<String, String> a = event.getRequest().getUserAttributes();
        register.execute(new UserId(a.get("sub")), a.get("email"),
            new UserProfile.PersonName(a.getOrDefault("given_name", ""), a.getOrDefault("family_name", ""),
                a.getOrDefault("name", a.get("email"))),
            Language.fromAcceptLanguage(a.get("locale")));
        Observability.count("UserRegistered");
      }
      return event;
    });
  }
}
