package nl.klantportaal.identity.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.SignInMethod;
import nl.klantportaal.accounts.identity.usecase.IssueTokenClaims;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.api.Json;
import nl.klantportaal.core.api.JsonTree;
import nl.klantportaal.core.api.Priming;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.observability.SnapStartPriming;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * Cognito PreTokenGeneration, at sign-in and every refresh: tenant, role and MFA claims from the
 * portal's own record (docs/claims.md); user-writable {@code custom:*} claims are suppressed; a
 * deactivated or unknown account is refused, which makes Cognito refuse the sign-in or refresh.
 *
 * <p>A user of an external identity provider (Entra ID) is recognised by what only Cognito writes:
 * {@code cognito:user_status} {@code EXTERNAL_PROVIDER} or the {@code identities} attribute. Its MFA
 * state is the provider's {@code amr} of the last sign-in, which the pool's attribute mapping writes to
 * {@value #AMR_ATTRIBUTE} at every federated sign-in; that attribute counts for federated users only
 * (a local user could write it, a federated one cannot: its access token lacks the
 * {@code aws.cognito.signin.user.admin} scope).
 */
public final class PreTokenGenerationHandler
    implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
  /** The user-pool attribute the Entra ID provider's {@code amr} claim is mapped to (template.yaml). */
  public static final String AMR_ATTRIBUTE = "custom:idp_amr";
  /** The Cognito {@code sub} SnapStart priming signs in with: a user who does not exist. */
  static final String PRIMING_SUB = "00000000-0000-4000-8000-000000000000";
  private final IssueTokenClaims issue;

  public PreTokenGenerationHandler() {
    this(System.getenv());
  }

  public PreTokenGenerationHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public PreTokenGenerationHandler(KernelWiring wiring) {
    this.issue = new IssueTokenClaims(IdentityWiring.of(wiring).users());
    SnapStartPriming.register(wiring.config().environment(), this::prime);
  }

  /**
   * SnapStart priming: the sign-in of a user who does not exist through the handler. It reads the
   * portal's record, finds nothing and is refused (the step's outcome is that refusal); no token is
   * issued and nothing is written.
   */
  public Map<String, String> prime() {
    CognitoUserPoolPreTokenGenerationEvent event = CognitoUserPoolPreTokenGenerationEvent.builder()
        .withTriggerSource("TokenGeneration_Authentication")
        .withUserName(Priming.NAME)
        .withRequest(CognitoUserPoolPreTokenGenerationEvent.Request.builder()
            .withUserAttributes(Map.of("sub", PRIMING_SUB, "email", "snapstart-priming@priming.invalid",
                "cognito:user_status", "CONFIRMED"))
            .build())
        .build();
    return new Priming().step("sign-in of a user who does not exist", context -> handleRequest(event, context)).outcomes();
  }

  @Override
  public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
    return Observability.triggerInvocation(context, () -> {
      Map<String, String> attributes = event.getRequest().getUserAttributes();
      var decision = issue.execute(new UserId(attributes.get("sub")), signInMethod(attributes));
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

  /** The pool's own sign-in, or a federated one with the provider's name and the methods of its {@code amr}. */
  static SignInMethod signInMethod(Map<String, String> attributes) {
    Optional<String> provider = providerName(attributes.getOrDefault("identities", ""));
    boolean external = "EXTERNAL_PROVIDER".equals(attributes.get("cognito:user_status"));
    if (provider.isEmpty() && !external) {
      return new SignInMethod.Local();
    }
    return new SignInMethod.Federated(provider.orElse("external"),
        SignInMethod.parseAuthenticationMethods(attributes.getOrDefault(AMR_ATTRIBUTE, "")));
  }

  /** The first provider name in Cognito's {@code identities} attribute (a JSON array), if any. */
  private static Optional<String> providerName(String identities) {
    if (identities.isBlank()) {
      return Optional.empty();
    }
    try {
      String name = JsonTree.parse(identities).path(0).path("providerName").text("");
      return Optional.of(name.isBlank() ? "external" : name);
    } catch (Json.Unreadable e) {
      // Only Cognito writes this attribute; unreadable, it still says "federated", with no MFA from it.
      return Optional.of("external");
    }
  }

  /** Cognito shows the message to the client as the reason the sign-in failed. */
  static final class SignInRefusedException extends RuntimeException {
    SignInRefusedException(String reason) {
      super(reason, null, false, false);
    }
  }
}
