package nl.klantportaal.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting a function reads, taken once at init from its environment: {@code System.getenv()}
 * on Lambda, the function's template.yaml environment when the local cloud runs several functions
 * in one JVM. A missing required variable fails the init, never a request.
 */
public record Config(
    String stage,
    String tableName,
    String region,
    CursorKeySource cursorKey,
    Endpoints endpoints,
    Map<String, String> environment) {

  public Config {
    environment = Map.copyOf(environment);
  }

  /** Where the HMAC key for pagination cursors comes from. */
  public sealed interface CursorKeySource {
    /** The key itself, base64: the local cloud and tests generate one. */
    record Inline(String base64) implements CursorKeySource {}

    /** A Secrets Manager secret generated at deploy time (template.yaml CursorKeySecret). */
    record Secret(String arn) implements CursorKeySource {}
  }

  /** Endpoint overrides for local stand-ins; empty on AWS. Names follow the SDK's own variables. */
  public record Endpoints(Optional<URI> dynamoDb, Optional<URI> secretsManager, Optional<URI> cognito, Optional<URI> ses,
      Optional<URI> s3) {}

  public static Config fromEnvironment(Map<String, String> env) {
    return new Config(
        env.getOrDefault("STAGE", "local"),
        required(env, "TABLE_NAME"),
        required(env, "AWS_REGION"),
        cursorKey(env),
        new Endpoints(uri(env, "AWS_ENDPOINT_URL_DYNAMODB"), uri(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER"),
            uri(env, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"), uri(env, "AWS_ENDPOINT_URL_SES"),
            uri(env, "AWS_ENDPOINT_URL_S3")),
        env);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  /** A variable this function cannot run without; its absence fails the init with the variable's name. */
  public String require(String name) {
    return get(name).orElseThrow(() -> new IllegalStateException("Environment variable " + name
        + " is required by this function (template.yaml sets it in the function's Environment)"));
  }

  /** An optional variable read with {@code parse}; a value that does not parse fails the init, naming it. */
  public <T> Optional<T> parsed(String name, java.util.function.Function<String, T> parse, String expected) {
    return get(name).map(value -> {
      try {
        return parse.apply(value.strip());
      } catch (RuntimeException e) {
        throw new IllegalStateException("Environment variable " + name + " must be " + expected + ", not '" + value + "'", e);
      }
    });
  }

  private static CursorKeySource cursorKey(Map<String, String> env) {
    String inline = env.get("CURSOR_KEY");
    if (inline != null && !inline.isBlank()) {
      return new CursorKeySource.Inline(inline);
    }
    return new CursorKeySource.Secret(required(env, "CURSOR_KEY_SECRET_ARN"));
  }

  private static Optional<URI> uri(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()).map(URI::create);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is required");
    }
    return value;
  }
}
