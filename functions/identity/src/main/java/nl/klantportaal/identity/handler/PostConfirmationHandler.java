package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.util.Map;
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

  public PostConfirmationHandler() {
    this(System.getenv());
  }

  public PostConfirmationHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public PostConfirmationHandler(KernelWiring wiring) {
    this.register = new RegisterConfirmedUser(IdentityWiring.of(wiring).users(), wiring.clock());
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
