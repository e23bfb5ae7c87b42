package nl.klantportaal.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import java.util.Map;

/** Confirms every sign-up at once (the trigger cognito-local calls through the Lambda endpoint). */
public final class PreSignUpHandler implements RequestHandler<CognitoUserPoolPreSignUpEvent, CognitoUserPoolPreSignUpEvent> {

  public PreSignUpHandler() {
    this(System.getenv());
  }

  public PreSignUpHandler(Map<String, String> env) {
    if (!env.containsKey("TABLE_NAME")) {
      throw new IllegalArgumentException("TABLE_NAME missing");
    }
  }

  @Override
  public CognitoUserPoolPreSignUpEvent handleRequest(CognitoUserPoolPreSignUpEvent event, Context context) {
    Recorder.record("presignup", event.getRequest().getUserAttributes().get("email"));
    event.getResponse().setAutoConfirmUser(true);
    event.getResponse().setAutoVerifyEmail(true);
    return event;
  }
}
