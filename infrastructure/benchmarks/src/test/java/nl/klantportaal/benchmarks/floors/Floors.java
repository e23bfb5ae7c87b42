package nl.klantportaal.benchmarks.floors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the floors share: the SDK client set up as the functions' AwsClients does it (explicit region,
 * credentials from the environment, the url-connection HTTP client; the endpoint from
 * AWS_ENDPOINT_URL_DYNAMODB, which the SDK reads itself), and an API Gateway answer.
 */
final class Floors {
  private Floors() {}

  static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .region(Region.of(System.getenv("AWS_REGION")))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  static String table() {
    return System.getenv("TABLE_NAME");
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static APIGatewayV2HTTPResponse answer(int status, String body) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
  }
}
