package nl.klantportaal.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SDK clients the local cloud itself uses against the emulators: one region, fixed local credentials. */
public final class AwsClients {

  public static final String REGION = "eu-west-1";
  public static final String ACCOUNT = "000000000000";
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local-secret";

  private AwsClients() {}

  public static DynamoDbClient dynamoDb(URI endpoint) {
    return configure(DynamoDbClient.builder(), endpoint).build();
  }

  public static DynamoDbStreamsClient dynamoDbStreams(URI endpoint) {
    return configure(DynamoDbStreamsClient.builder(), endpoint).build();
  }

  public static S3Client s3(URI endpoint) {
    return configure(S3Client.builder(), endpoint).forcePathStyle(true).build();
  }

  public static CognitoIdentityProviderClient cognito(URI endpoint) {
    return configure(CognitoIdentityProviderClient.builder(), endpoint).build();
  }

  public static SesV2Client ses(URI endpoint) {
    return configure(SesV2Client.builder(), endpoint).build();
  }

  private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
      B builder, URI endpoint) {
    return builder.endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }
}
