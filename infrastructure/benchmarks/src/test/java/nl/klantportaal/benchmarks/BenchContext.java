package nl.klantportaal.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context the benchmark runs hand a handler: fixed names, the function's memory. */
final class BenchContext implements Context {
  @Override public String getAwsRequestId() { return "bench-invocation"; }
  @Override public String getLogGroupName() { return "/klantportaal/bench"; }
  @Override public String getLogStreamName() { return "bench"; }
  @Override public String getFunctionName() { return "bench"; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:bench"; }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 10_000; }
  @Override public int getMemoryLimitInMB() { return Integer.getInteger("bench.memory", 512); }
  @Override public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.out.println(message); }
      @Override public void log(byte[] message) { System.out.println(new String(message)); }
    };
  }
}
