package nl.klantportaal.core.adapter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klantportaal.core.config.Config;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A transaction that another one cancelled (TransactionConflict) is sent again by every DynamoDB client
 * {@link AwsClients} builds, and only such a one, against an endpoint that answers as DynamoDB does (the
 * SDK's own parsing of the error and its own retries). DynamoDB Local serialises transactions and never
 * answers TransactionConflict (200 transactions on one item from 32 threads at once, with plain writes among
 * them, went through without one), so the conflict is answered here by a stub of the HTTP endpoint.
 */
class TransactionConflictsTest {
  private static final String CONFLICT = """
      {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
       "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]",
       "CancellationReasons":[{"Code":"None"},{"Code":"TransactionConflict","Message":"Transaction is ongoing for the item"}]}""";
  private static final String CONDITION_AND_CONFLICT = """
      {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
       "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, TransactionConflict]",
       "CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},
       {"Code":"TransactionConflict","Message":"Transaction is ongoing for the item"}]}""";

  private static TransactionCanceledException cancelled(String... codes) {
    List<CancellationReason> reasons = new ArrayList<>();
    for (String code : codes) {
      reasons.add(CancellationReason.builder().code(code).build());
    }
    return TransactionCanceledException.builder().statusCode(400).cancellationReasons(reasons).build();
  }

  @Test
  void onlyACancellationByConflictingTransactionsCounts() {
    assertTrue(TransactionConflicts.onlyConflicts(cancelled("None", "TransactionConflict")));
    assertTrue(TransactionConflicts.onlyConflicts(cancelled("TransactionConflict", "TransactionConflict")));
    assertFalse(TransactionConflicts.onlyConflicts(cancelled("ConditionalCheckFailed", "TransactionConflict")),
        "a failed condition is the caller's answer (a version conflict), not something to send again");
    assertFalse(TransactionConflicts.onlyConflicts(cancelled("None", "ValidationError")));
    assertFalse(TransactionConflicts.onlyConflicts(cancelled("None", "None")));
    assertFalse(TransactionConflicts.onlyConflicts(TransactionCanceledException.builder().statusCode(400).build()));
    assertFalse(TransactionConflicts.onlyConflicts(new IllegalStateException("TransactionConflict")));
    assertTrue(TransactionConflicts.onlyConflicts(TransactionConflictException.builder().statusCode(400).build()),
        "a single write refused because a transaction holds its item");
  }

  @Test
  void aConflictIsSentAgainAndGoesThrough() throws IOException {
    List<String> answers = Collections.synchronizedList(new ArrayList<>(List.of(CONFLICT, CONFLICT, "{}")));
    try (var endpoint = new StubDynamoDb(answers)) {
      try (DynamoDbClient client = endpoint.client()) {
        client.transactWriteItems(r -> r.transactItems(put("T#1")));
      }
      assertEquals(3, endpoint.requests(), "two conflicts, then the transaction went through");
      assertEquals(1, endpoint.tokens().stream().distinct().count(),
          "each attempt carries the call's ClientRequestToken, so a retry cannot write twice");
    }
  }

  @Test
  void aFailedConditionIsNotSentAgainAndAConflictThatKeepsOnIsAnOutage() throws IOException {
    try (var endpoint = new StubDynamoDb(new ArrayList<>(List.of(CONDITION_AND_CONFLICT)))) {
      try (DynamoDbClient client = endpoint.client()) {
        var failure = assertThrows(TransactionCanceledException.class,
            () -> client.transactWriteItems(r -> r.transactItems(put("T#1"))));
        assertEquals("ConditionalCheckFailed", failure.cancellationReasons().get(0).code());
        assertEquals(Optional.empty(), new SdkOutages().outageOf(failure), "the caller answers it (409)");
      }
      assertEquals(1, endpoint.requests());
    }
    List<String> conflicts = new ArrayList<>(Collections.nCopies(50, CONFLICT));
    try (var endpoint = new StubDynamoDb(Collections.synchronizedList(conflicts))) {
      try (DynamoDbClient client = endpoint.client()) {
        var failure = assertThrows(TransactionCanceledException.class,
            () -> client.transactWriteItems(r -> r.transactItems(put("T#1"))));
        assertTrue(new SdkOutages().outageOf(failure).isPresent(), "answered 503 with Retry-After, not 500");
      }
      assertEquals(TransactionConflicts.ATTEMPTS, endpoint.requests(),
          "DynamoDB's own retry budget, kept: the first attempt and 8 retries");
    }
  }

  @Test
  void aServerErrorIsRetriedAsDynamoDbsOwnDefaultDoes() throws IOException {
    // (throttling too, through the same AWS conditions, with its longer back-off: 8 of those take a minute here)
    String failed = """
        {"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""";
    try (var endpoint = new StubDynamoDb(Collections.synchronizedList(new ArrayList<>(Collections.nCopies(50, failed))), 500)) {
      try (DynamoDbClient client = endpoint.client()) {
        assertThrows(InternalServerErrorException.class, () -> client.transactWriteItems(r -> r.transactItems(put("T#1"))));
      }
      assertEquals(TransactionConflicts.ATTEMPTS, endpoint.requests(), "DynamoDB's retry budget, not the SDK's generic 4");
    }
  }

  private static TransactWriteItem put(String pk) {
    return TransactWriteItem.builder().put(p -> p.tableName("portal").item(Map.of("PK", s(pk), "SK", s("META")))).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** An HTTP endpoint answering TransactWriteItems with the given bodies in turn (an error body with its status). */
  private static final class StubDynamoDb implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());

    StubDynamoDb(List<String> answers) throws IOException {
      this(answers, 400);
    }

    /** {@code errorStatus}: the HTTP status of an error body. */
    StubDynamoDb(List<String> answers, int errorStatus) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int at = body.indexOf("\"ClientRequestToken\":\"");
        tokens.add(at < 0 ? "" : body.substring(at + 22, body.indexOf('"', at + 22)));
        String answer = answers.isEmpty() ? "{}" : answers.remove(0);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(answer.contains("__type") ? errorStatus : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.start();
    }

    DynamoDbClient client() {
      return new AwsClients(Config.fromEnvironment(Map.of("TABLE_NAME", "portal", "AWS_REGION", "eu-west-1",
          "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "CURSOR_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
          "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + server.getAddress().getPort()))).dynamoDb();
    }

    int requests() {
      return requests.get();
    }

    List<String> tokens() {
      return tokens;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
