package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountMail;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.shared.domain.Language;

/** Cognito CustomMessage: the sign-up, password-reset, e-mail-change and welcome mails in nl, en or de. */
public final class CustomMessageHandler
    implements RequestHandler<CognitoUserPoolCustomMessageEvent, CognitoUserPoolCustomMessageEvent> {

  public CustomMessageHandler() {
    this(System.getenv());
  }

  public CustomMessageHandler(Map<String, String> environment) {
    // Needs nothing else from its environment: the texts live in AccountMail.
    SnapStartPriming.register(environment, this::prime);
  }

  /**
   * SnapStart priming: a sign-up code mail rendered through the handler for a user who does not
   * exist. The handler only writes the event's response: it calls nothing and sends nothing itself.
   */
  public Map<String, String> prime() {
    CognitoUserPoolCustomMessageEvent event = CognitoUserPoolCustomMessageEvent.builder()
        .withTriggerSource("CustomMessage_SignUp")
        .withUserName(Priming.NAME)
        .withRequest(CognitoUserPoolCustomMessageEvent.Request.builder()
            .withUserAttributes(Map.of("email", "snapstart-priming@priming.invalid", "locale", "nl"))
            .withCodeParameter("{####}")
            .withUsernameParameter(Priming.NAME)
            .build())
        .withResponse(new CognitoUserPoolCustomMessageEvent.Response())
        .build();
    return new Priming().step("sign-up code mail", context -> handleRequest(event, context)).outcomes();
  }

  @Override
  public CognitoUserPoolCustomMessageEvent handleRequest(CognitoUserPoolCustomMessageEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      kind(event.getTriggerSource()).ifPresent(kind -> {
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        String name = Optional.ofNullable(attributes.get("name")).filter(n -> !n.isBlank())
            .orElseGet(() -> attributes.getOrDefault("email", ""));
        var message = AccountMail.render(kind, Language.fromAcceptLanguage(attributes.get("locale")), name,
            event.getRequest().getCodeParameter(), Optional.ofNullable(event.getRequest().getUsernameParameter()).orElse(""));
        event.getResponse().setEmailSubject(message.subject());
        event.getResponse().setEmailMessage(message.html());
      });
      return event;
    });
  }

  /** Trigger sources this portal writes; others (SMS, MFA codes by mail) keep Cognito's default. */
  static Optional<AccountMail.Kind> kind(String triggerSource) {
    return Optional.ofNullable(switch (triggerSource) {
      case "CustomMessage_SignUp", "CustomMessage_ResendCode" -> AccountMail.Kind.SIGN_UP_CODE;
      case "CustomMessage_ForgotPassword" -> AccountMail.Kind.PASSWORD_RESET_CODE;
      case "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute" -> AccountMail.Kind.EMAIL_CHANGE_CODE;
      case "CustomMessage_AdminCreateUser" -> AccountMail.Kind.TEMPORARY_PASSWORD;
      default -> null;
    });
  }
}
