package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda context of the priming invocations SnapStart runs before its snapshot, when no real one
 * exists: the function's own name and memory from the runtime's environment, a fixed request id.
 */
final class PrimingContext implements Context {
  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  @Override public String getAwsRequestId() { return "snapstart-priming"; }
  @Override public String getLogGroupName() { return env("AWS_LAMBDA_LOG_GROUP_NAME", "snapstart-priming"); }
  @Override public String getLogStreamName() { return env("AWS_LAMBDA_LOG_STREAM_NAME", "snapstart-priming"); }
  @Override public String getFunctionName() { return env("AWS_LAMBDA_FUNCTION_NAME", "snapstart-priming"); }
  @Override public String getFunctionVersion() { return env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"); }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:priming:000000000000:function:" + getFunctionName(); }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 60_000; }
  @Override public int getMemoryLimitInMB() { return Integer.parseInt(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")); }
  @Override public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.out.println(message); }
      @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
