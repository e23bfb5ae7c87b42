package nl.klantportaal.core.adapter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.Dispatcher;
import nl.klantportaal.core.api.OutageClassifier;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.ClaimContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which of the SDK's failures are outages (503 with Retry-After) and which stay faults (500), with the
 * SDK's own exception types; and a real DynamoDB client whose endpoint does not answer, through the
 * dispatcher as the functions run it (the classifier found through META-INF/services).
 */
class SdkOutagesTest {
  private final SdkOutages outages = new SdkOutages();

  private static AwsErrorDetails details(String service, String code) {
    return AwsErrorDetails.builder().serviceName(service).errorCode(code).build();
  }

  @Test
  void aServerErrorOrAThrottledCallIsAnOutage() {
    assertEquals(Optional.of("DynamoDb (500)"), outages.outageOf(DynamoDbException.builder().statusCode(500)
        .awsErrorDetails(details("DynamoDb", "InternalServerError")).build()));
    assertEquals(Optional.of("S3 (503)"), outages.outageOf(DynamoDbException.builder().statusCode(503)
        .awsErrorDetails(details("S3", "SlowDown")).build()));
    assertTrue(outages.outageOf(ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(details("DynamoDb", "ProvisionedThroughputExceededException")).build()).isPresent(),
        "throttling is answered 400 by DynamoDB, and is still an outage");
  }

  @Test
  void aRefusalOfWhatWeSentIsNot() {
    assertEquals(Optional.empty(), outages.outageOf(ConditionalCheckFailedException.builder().statusCode(400)
        .awsErrorDetails(details("DynamoDb", "ConditionalCheckFailedException")).build()));
    assertEquals(Optional.empty(), outages.outageOf(TransactionCanceledException.builder().statusCode(400)
        .awsErrorDetails(details("DynamoDb", "TransactionCanceledException")).build()));
    assertEquals(Optional.empty(), outages.outageOf(DynamoDbException.builder().statusCode(400)
        .awsErrorDetails(details("DynamoDb", "ValidationException")).build()));
  }

  @Test
  void aCallWithoutAnswerIsAnOutageAClientSideRefusalIsNot() {
    assertTrue(outages.outageOf(SdkClientException.create("Unable to execute HTTP request",
        new ConnectException("Connection refused"))).isPresent());
    assertTrue(outages.outageOf(ApiCallTimeoutException.create(2_000)).isPresent());
    assertEquals(Optional.empty(), outages.outageOf(SdkClientException.create("Unable to load region")));
    assertEquals(Optional.empty(), outages.outageOf(new IllegalStateException("ours", new IOException("a file"))),
        "only the SDK's failures are classified here");
  }

  @Test
  void isFoundThroughTheServiceLoader() {
    List<String> found = ServiceLoader.load(OutageClassifier.class).stream().map(p -> p.type().getName()).toList();
    assertEquals(List.of(SdkOutages.class.getName()), found);
  }

  @Test
  void aDynamoDbThatDoesNotAnswerIs503ThroughTheDispatcher() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create("http://127.0.0.1:" + closedPort)).build()) {
      Dispatcher dispatcher = new Dispatcher(Routes.of(Route.of("GET /tickets", Access.SIGNED_IN,
          request -> ApiResponse.ok(Map.of("tables", dynamoDb.listTables().tableNames())))));
      ApiResponse response = dispatcher.dispatch(new ApiRequest("GET /tickets", "/tickets", Map.of(), Map.of(),
          Map.of("accept-language", "nl"), new byte[0], "req-7", "192.0.2.1",
          ClaimContract.caller(Map.of("sub", "u1", "kp_role", "customer-user", "kp_mfa", "true"))));
      String body = new String(response.body(), StandardCharsets.UTF_8);
      assertEquals(503, response.status(), body);
      assertEquals("5", response.headers().get("retry-after"));
      assertTrue(body.contains("urn:klantportaal:problem:service-unavailable"), body);
      assertTrue(body.contains("Een onderdeel van het portaal is even niet bereikbaar"), body);
      assertFalse(body.contains("127.0.0.1") || body.contains("Exception") || body.contains("DynamoDb"), body);
    }
  }
}
