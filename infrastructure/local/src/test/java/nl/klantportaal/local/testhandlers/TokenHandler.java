package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.Map;

/** Adds the custom claims the portal's handlers read, as the identity issue's trigger will. */
public final class TokenHandler
    implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {

  public TokenHandler() {
    this(System.getenv());
  }

  public TokenHandler(Map<String, String> env) {
  }

  @Override
  public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
    event.setResponse(CognitoUserPoolPreTokenGenerationEvent.Response.builder()
        .withClaimsOverrideDetails(CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails.builder()
            .withClaimsToAddOrOverride(Map.of("kp_tenant", "tenant-1", "kp_mfa", "false"))
            .build())
        .build());
    return event;
  }
}
