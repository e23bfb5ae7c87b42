package nl.klantportaal.local;

import java.time.Duration;
import java.util.Map;

/** A function of the template as the local cloud runs it: handler class, its code, resolved environment, limits. */
public record LocalFunction(String name, String handlerClass, FunctionCode code, Map<String, String> environment,
    Duration timeout, int memoryMb) {

  public String arn() {
    return "arn:aws:lambda:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":function:" + name;
  }
}
