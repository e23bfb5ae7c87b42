package nl.klantportaal.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import nl.klantportaal.template.SamTemplate;

/** Fixtures from the project's events/ folder and a Lambda context for handler tests. */
public final class Lambda {
  private Lambda() {}

  public static Path events() {
    return SamTemplate.projectRoot().resolve("events");
  }

  /**
   * events/&lt;module&gt;/&lt;handler name without Handler, kebab-case&gt;/: the samples of the function whose
   * handler class is {@code handlerClass} ({@code nl.klantportaal.billing.handler.HourNoticesHandler},
   * with or without {@code ::handleRequest}).
   */
  public static Path eventsFolder(String handlerClass) {
    String type = handlerClass.contains("::") ? handlerClass.substring(0, handlerClass.indexOf("::")) : handlerClass;
    String[] parts = type.split("\\.");
    String name = parts[parts.length - 1].replaceFirst("Handler$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    return events().resolve(functionModule(type)).resolve(name);
  }

  /**
   * The function module of a handler class: functions/&lt;module&gt;, named as its package's context
   * ({@code nl.klantportaal.billing...} is {@code billing}), with hyphens between words
   * ({@code nl.klantportaal.inboundmail...} is {@code inbound-mail}).
   */
  public static String functionModule(String handlerClass) {
    String context = handlerClass.split("\\.")[2];
    try (var modules = java.nio.file.Files.list(SamTemplate.projectRoot().resolve("functions"))) {
      return modules.map(p -> p.getFileName().toString()).filter(name -> name.replace("-", "").equals(context)).findFirst()
          .orElse(context);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An HTTP API event from events/<relative path>, e.g. {@code identity/customers/create.json}. */
  public static APIGatewayV2HTTPEvent httpEvent(String relativePath) {
    return EventLoader.loadApiGatewayHttpEvent(events().resolve(relativePath).toString());
  }

  /** A scheduled event from events/<relative path> as the scheduled functions take it: a JSON map. */
  public static java.util.Map<String, Object> scheduledEvent(String relativePath) {
    return jsonEvent(relativePath);
  }

  /** Any event from events/<relative path> as a JSON map: how the scheduled and stream functions take it. */
  public static java.util.Map<String, Object> jsonEvent(String relativePath) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(events().resolve(relativePath).toFile(),
          new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@link #scheduledEvent} with another {@code time}. */
  public static java.util.Map<String, Object> scheduledEvent(String relativePath, java.time.Instant time) {
    java.util.Map<String, Object> event = new java.util.HashMap<>(scheduledEvent(relativePath));
    event.put("time", time.toString());
    return event;
  }

  public static Context context(String functionName) {
    String requestId = UUID.randomUUID().toString();
    return new Context() {
      @Override public String getAwsRequestId() { return requestId; }
      @Override public String getLogGroupName() { return "/klantportaal/test/" + functionName; }
      @Override public String getLogStreamName() { return "test"; }
      @Override public String getFunctionName() { return functionName; }
      @Override public String getFunctionVersion() { return "$LATEST"; }
      @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:000000000000:function:" + functionName;
      }
      @Override public CognitoIdentity getIdentity() { return null; }
      @Override public ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return 15_000; }
      @Override public int getMemoryLimitInMB() { return 1024; }
      @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
          @Override public void log(String message) { System.out.println(message); }
          @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
        };
      }
    };
  }
}
