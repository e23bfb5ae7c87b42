package nl.klantportaal.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * Lambda's asynchronous invoke, as SES receipt rules and SNS use it: the first attempt and the
 * function's {@code EventInvokeConfig} retries (default 2), then its on-failure destination (a dead
 * letter with the event here). Each invoke runs on a virtual thread of its own.
 */
final class AsyncInvocations {

  /** The function's EventInvokeConfig as Lambda applies it to asynchronous invokes: retries (default 2), on-failure. */
  record AsyncConfig(int retries, Optional<String> onFailure) {}

  private final SamTemplate template;
  private final Intrinsics intrinsics;
  private final DeadLetters deadLetters;
  private final Duration retryDelay;

  /**
   * {@code retryDelay}: the wait before each retry (Lambda waits about one and then two minutes; the
   * local cloud shortens it so a test need not wait).
   */
  AsyncInvocations(SamTemplate template, Intrinsics intrinsics, DeadLetters deadLetters, Duration retryDelay) {
    this.template = template;
    this.intrinsics = intrinsics;
    this.deadLetters = deadLetters;
    this.retryDelay = retryDelay;
  }

  /**
   * Invokes {@code function} with {@code event} in the background; {@code label} starts each console
   * line ({@code SMTP <id>}, {@code SNS <topic>}), {@code whenStopped} says what is kept if the cloud
   * closes between retries.
   */
  void start(FunctionInvoker function, byte[] event, String label, String whenStopped) {
    AsyncConfig config = config(function.function().name());
    Thread.ofVirtual().name("async-" + function.function().name()).start(() -> run(function, event, label, whenStopped, config));
  }

  AsyncConfig config(String functionName) {
    Map<String, Object> properties = template.resource(functionName)
        .map(r -> Yamls.map(intrinsics.resolve(r.properties()))).orElse(Map.of());
    Map<String, Object> config = Yamls.map(properties.get("EventInvokeConfig"));
    int retries = config.containsKey("MaximumRetryAttempts") ? Integer.parseInt(Yamls.string(config.get("MaximumRetryAttempts"))) : 2;
    Map<String, Object> onFailure = Yamls.map(Yamls.map(config.get("DestinationConfig")).get("OnFailure"));
    return new AsyncConfig(retries, onFailure.isEmpty() ? Optional.empty() : Optional.of(Yamls.string(onFailure.get("Destination"))));
  }

  private void run(FunctionInvoker function, byte[] event, String label, String whenStopped, AsyncConfig config) {
    String name = function.function().name();
    for (int attempt = 1; attempt <= 1 + config.retries(); attempt++) {
      InvocationResult result = function.invoke(event);
      if (result instanceof InvocationResult.Success) {
        System.out.printf("%s -> %s ok (attempt %d)%n", label, name, attempt);
        return;
      }
      InvocationResult.Failure failure = (InvocationResult.Failure) result;
      System.out.printf("%s -> %s failed (attempt %d of %d): %s%n", label, name, attempt, 1 + config.retries(),
          failure.errorMessage());
      if (attempt <= config.retries()) {
        try {
          Thread.sleep(retryDelay.multipliedBy(attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          System.out.printf("%s -> %s: retries stopped (the local cloud is closing); %s%n", label, name, whenStopped);
          return;
        }
      } else {
        Path letter = deadLetters.writeAsync(name, config.onFailure(), event, 1 + config.retries(), failure);
        System.out.printf("%s -> %s gave up after %d attempts: dead letter %s%n", label, name, 1 + config.retries(), letter);
      }
    }
  }
}
