package nl.klantportaal.core.adapter.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients once per container: explicit region, explicit credentials provider, the
 * light url-connection HTTP client (apache and netty are excluded from every artefact).
 */
public final class AwsClients {

  private final Config config;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;

  public AwsClients(Config config) {
    this.config = config;
    this.credentials = credentials(config.environment());
    this.http = UrlConnectionHttpClient.builder().build();
  }

  /**
   * The DynamoDB client, with DynamoDB's default retries (throttling, 5xx, I/O) plus a transaction that a
   * conflicting transaction cancelled ({@link TransactionConflicts}), which wrote nothing.
   */
  public DynamoDbClient dynamoDb() {
    var builder = DynamoDbClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(o -> o.retryStrategy(TransactionConflicts.dynamoDbRetries()));
    config.endpoints().dynamoDb().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public SecretsManagerClient secretsManager() {
    var builder = SecretsManagerClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http);
    config.endpoints().secretsManager().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * A client of another service, configured as every client here is: this container's region and
   * credentials, the url-connection HTTP client, and {@code endpoint} when a local stand-in replaces
   * the service. The module that owns the service's adapter builds it (Cognito in identity, S3 in
   * tickets, SES in mail), so only the artefacts of functions that call the service carry its SDK module.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Optional<URI> endpoint) {
    builder.region(region()).credentialsProvider(credentials).httpClient(http);
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public Region region() {
    return Region.of(config.region());
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /**
   * Lambda with SnapStart hands out credentials through the container endpoint (they outlive the
   * snapshot); without SnapStart, and locally, they are in the function's environment.
   */
  static AwsCredentialsProvider credentials(Map<String, String> env) {
    if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
      return ContainerCredentialsProvider.builder().build();
    }
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId == null || secret == null) {
      throw new IllegalStateException("No AWS credentials in the function's environment");
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(token == null
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, token));
  }
}
