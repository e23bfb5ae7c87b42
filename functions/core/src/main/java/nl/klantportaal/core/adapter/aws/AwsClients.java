package nl.klantportaal.core.adapter.aws;

import java.util.Map;
import nl.klantportaal.core.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

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

  public DynamoDbClient dynamoDb() {
    var builder = DynamoDbClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http);
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

  public CognitoIdentityProviderClient cognito() {
    var builder = CognitoIdentityProviderClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http);
    config.endpoints().cognito().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public SesV2Client ses() {
    var builder = SesV2Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http);
    config.endpoints().ses().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * S3 with the url-connection client. Against a local stand-in (an endpoint override) objects are
   * addressed path-style; checksums only where S3 requires them (the stand-in and presigned
   * browser uploads know no flexible checksums).
   */
  public S3Client s3() {
    var builder = S3Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoints().s3().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
    return builder.build();
  }

  /** Presigns S3 requests locally (no HTTP client, no call); path-style against a local stand-in like {@link #s3()}. */
  public S3Presigner s3Presigner() {
    var builder = S3Presigner.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials);
    config.endpoints().s3().ifPresent(endpoint -> builder.endpointOverride(endpoint)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return builder.build();
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
