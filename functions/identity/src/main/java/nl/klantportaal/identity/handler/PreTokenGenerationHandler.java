package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.Map;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.usecase.IssueTokenClaims;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * Cognito PreTokenGeneration, at sign-in and every refresh: tenant, role and MFA claims from the
 * portal's own record (docs/claims.md); user-writable {@code custom:*} claims are suppressed; a
 * deactivated or unknown account is refused, which makes Cognito refuse the sign-in or refresh.
 */
public final class PreTokenGenerationHandler
    implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
  private final IssueTokenClaims issue;

  public PreTokenGenerationHandler() {
    this(System.getenv());
  }

  public PreTokenGenerationHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public PreTokenGenerationHandler(KernelWiring wiring) {
    this.issue = new IssueTokenClaims(IdentityWiring.of(wiring).users());
  }

  @Override
  public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      Map<String, String> attributes = event.getRequest().getUserAttributes();
      var decision = issue.execute(new UserId(attributes.get("sub")));
      return switch (decision) {
        case IssueTokenClaims.Decision.Refuse refuse -> {
          Observability.count("SignInRefused");
          throw new SignInRefusedException(refuse.reason());
        }
        case IssueTokenClaims.Decision.Allow allow -> {
          String[] suppress = attributes.keySet().stream().filter(k -> k.startsWith("custom:")).toArray(String[]::new);
          event.setResponse(CognitoUserPoolPreTokenGenerationEvent.Response.builder()
              .withClaimsOverrideDetails(CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails.builder()
                  .withClaimsToAddOrOverride(allow.claims())
                  .withClaimsToSuppress(suppress)
                  .build())
              .build());
          yield event;
        }
      };
    });
  }

  /** Cognito shows the message to the client as the reason the sign-in failed. */
  static final class SignInRefusedException extends RuntimeException {
    SignInRefusedException(String reason) {
      super(reason, null, false, false);
    }
  }
}
