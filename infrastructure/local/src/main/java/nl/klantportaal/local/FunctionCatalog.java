package nl.klantportaal.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/** Every AWS::Serverless::Function of the template with its local environment, and one invoker each. */
public final class FunctionCatalog {

  /** The emulator endpoints and secrets every function gets on top of its template environment. */
  /**
   * The local endpoints, and {@code replaced}: variables whose deployed value names an AWS endpoint or the deployed
   * portal, given their local value where the template sets them (not where it leaves them empty).
   */
  public record LocalEnvironment(String dynamoDb, String s3, String ses, String cognito, String cursorKey,
      Map<String, String> replaced) {}

  private final Map<String, FunctionInvoker> invokers = new LinkedHashMap<>();

  public FunctionCatalog(SamTemplate template, Intrinsics intrinsics, LocalEnvironment local) {
    for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.FUNCTION)) {
      LocalFunction function = function(template, intrinsics, local, resource);
      invokers.put(function.name(), new FunctionInvoker(function));
    }
  }

  public Optional<FunctionInvoker> invoker(String nameOrArn) {
    String name = nameOrArn.contains(":function:")
        ? nameOrArn.substring(nameOrArn.indexOf(":function:") + ":function:".length()).split(":")[0]
        : nameOrArn;
    return Optional.ofNullable(invokers.get(name));
  }

  public FunctionInvoker require(String name) {
    return invoker(name).orElseThrow(() -> new StartFailure(
        "No function " + name + " in the template; functions: " + String.join(", ", invokers.keySet())));
  }

  /** Functions whose handler class cannot be found in their code (they would fail at their first invocation). */
  public java.util.List<String> withoutHandlerClass() {
    return invokers.values().stream().map(FunctionInvoker::function)
        .filter(f -> f.code().loader().getResource(f.handlerClass().replace('.', '/') + ".class") == null)
        .map(f -> f.name() + " (" + f.handlerClass() + ")")
        .toList();
  }

  /** Where the functions' classes come from: each artefact once, or the class path. */
  public String code() {
    return String.join(", ", invokers.values().stream().map(i -> i.function().code().describe()).distinct().toList());
  }

  private static LocalFunction function(SamTemplate template, Intrinsics intrinsics, LocalEnvironment local,
      SamTemplate.Resource resource) {
    Map<String, Object> properties = template.functionProperties(resource);
    Map<String, String> env = new TreeMap<>();
    Yamls.map(intrinsics.resolve(Yamls.map(properties.get("Environment")).get("Variables")))
        .forEach((key, value) -> env.put(key, Yamls.string(value)));
    int memory = Integer.parseInt(Yamls.string(properties.getOrDefault("MemorySize", "128")));
    Duration timeout = Duration.ofSeconds(Long.parseLong(Yamls.string(properties.getOrDefault("Timeout", "3"))));
    local.replaced().forEach((key, value) -> {
      if (!env.getOrDefault(key, "").isBlank()) {
        env.put(key, value);
      }
    });
    env.put("AWS_REGION", AwsClients.REGION);
    env.put("AWS_DEFAULT_REGION", AwsClients.REGION);
    env.put("AWS_ACCESS_KEY_ID", AwsClients.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", AwsClients.SECRET_KEY);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", local.dynamoDb());
    env.put("AWS_ENDPOINT_URL_S3", local.s3());
    env.put("AWS_ENDPOINT_URL_SES", local.ses());
    env.put("AWS_ENDPOINT_URL_SESV2", local.ses());
    env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", local.cognito());
    env.put("CURSOR_KEY", local.cursorKey());
    env.put("AWS_LAMBDA_FUNCTION_NAME", resource.logicalId());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    String handler = Yamls.string(properties.get("Handler"));
    String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    // A template without CodeUri (the local cloud's own test template) runs its handlers from the class path.
    FunctionCode code = properties.get("CodeUri") == null
        ? new FunctionCode.ClassPath()
        : FunctionCode.forFunction(template.file().toAbsolutePath().getParent().resolve(Yamls.string(properties.get("CodeUri"))));
    return new LocalFunction(resource.logicalId(), handlerClass, code, Map.copyOf(env), timeout, memory);
  }
}
