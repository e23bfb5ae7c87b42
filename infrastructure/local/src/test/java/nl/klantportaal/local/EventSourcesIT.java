package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.klantportaal.local.testhandlers.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Schedules and the stream poller of the test template. The local clock starts two seconds before
 * 08:00 UTC on a winter day, when both {@code cron(0 8 * * ? *)} UTC and {@code cron(0 9 * * ? *)}
 * Europe/Amsterdam are due.
 */
class EventSourcesIT {

  private static final Instant CLOCK_START = Instant.parse("2026-11-24T07:59:58Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path state;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.testTemplate(state).withClockStart(CLOCK_START));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void utcScheduleAndAmsterdamScheduleFireWithScheduledEvents() {
    ScheduledEvent first = Recorder.next("schedule", ScheduledEvent.class);
    ScheduledEvent second = Recorder.next("schedule", ScheduledEvent.class);

    Set<String> sources = new HashSet<>(List.of(first.getSource(), second.getSource()));
    assertEquals(Set.of("aws.events", "aws.scheduler"), sources);
    for (ScheduledEvent event : List.of(first, second)) {
      assertEquals("Scheduled Event", event.getDetailType());
      assertEquals(Instant.parse("2026-11-24T08:00:00Z").toEpochMilli(), event.getTime().getMillis(),
          "09:00 Europe/Amsterdam is 08:00 UTC in winter");
      assertEquals("eu-west-1", event.getRegion());
    }
  }

  @Test
  void streamRecordsFlowAndPoisonedRecordIsRetriedThenDeadLettered() throws Exception {
    try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(cloud.endpoints().dynamoDb())) {
      put(dynamoDb, "A", false);
      put(dynamoDb, "POISON", true);
      put(dynamoDb, "C", false);
      put(dynamoDb, "D", false);
    }

    Set<String> delivered = new HashSet<>();
    while (!delivered.containsAll(Set.of("A", "C", "D"))) {
      delivered.add(Recorder.next("stream", String.class));
    }
    assertEquals("POISON", Recorder.next("stream-attempt", String.class));
    assertEquals("POISON", Recorder.next("stream-attempt", String.class), "retried");
    JsonNode deadLetter = JSON.readTree(awaitDeadLetter(cloud.deadLetters().folder("StreamFunction")).toFile());
    assertEquals("RetryAttemptsExhausted", deadLetter.path("requestContext").path("condition").asText());
    assertEquals(cloud.names().getAtt("StreamFailures", "Arn"), deadLetter.path("destination").asText());
    assertEquals(1, deadLetter.path("records").size());
    assertEquals("POISON", deadLetter.path("records").get(0).path("dynamodb").path("NewImage").path("PK").path("S").asText());
    assertTrue(!delivered.contains("POISON"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void mailToTheSmtpPortLandsInTheBucketAndReachesTheReceiptFunction() throws Exception {
    String mime = "From: Customer <customer@example.test>\r\nTo: support@support.example.test\r\n"
        + "Subject: Printer on fire\r\nMessage-ID: <m1@example.test>\r\n\r\nPlease help.\r\n.dot line\r\n";
    SmtpClient.send(cloud.endpoints().smtpPort(), "customer@example.test", "support@support.example.test", mime);

    Map<String, Object> event = Recorder.next("mail", Map.class);
    Map<String, Object> ses = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records")).get(0)).get("ses");
    Map<String, Object> mail = (Map<String, Object>) ses.get("mail");
    Map<String, Object> common = (Map<String, Object>) mail.get("commonHeaders");
    assertEquals("Printer on fire", common.get("subject"));
    assertEquals(List.of("support@support.example.test"), mail.get("destination"));
    assertEquals("Lambda", ((Map<String, Object>) ((Map<String, Object>) ses.get("receipt")).get("action")).get("type"));
    try (var s3 = AwsClients.s3(cloud.endpoints().s3())) {
      String stored = s3.getObjectAsBytes(r -> r.bucket("local-inboundmailbucket").key("inbound/" + mail.get("messageId")))
          .asUtf8String();
      assertEquals(mime, stored);
    }
  }

  @Test
  void anAsynchronousInvokeThatKeepsFailingIsRetriedThenDeadLetteredWithItsEvent() throws Exception {
    SmtpClient.send(cloud.endpoints().smtpPort(), "customer@example.test", "support@support.example.test",
        "From: Customer <customer@example.test>\r\nTo: support@support.example.test\r\nSubject: poison\r\n"
            + "Message-ID: <poison@example.test>\r\n\r\nThis one fails.\r\n");
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertEquals("poison", Recorder.next("mail-attempt", String.class), "attempt " + attempt + ": the first and two retries");
    }
    JsonNode deadLetter = JSON.readTree(awaitDeadLetter(cloud.deadLetters().folder("InboundMailFunction")).toFile());
    assertEquals("RetriesExhausted", deadLetter.path("requestContext").path("condition").asText());
    assertEquals(3, deadLetter.path("requestContext").path("approximateInvokeCount").asInt());
    assertEquals(cloud.names().getAtt("InboundMailFailures", "Arn"), deadLetter.path("destination").asText());
    assertEquals("poison", deadLetter.at("/requestPayload/Records/0/ses/mail/commonHeaders/subject").asText());
  }

  private static void put(DynamoDbClient dynamoDb, String pk, boolean poison) {
    dynamoDb.putItem(r -> r.tableName("TestTable").item(Map.of(
        "PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("item"), "poison", AttributeValue.fromBool(poison))));
  }

  /** The dead letter is written after the last retry; wait for it as a consumer of the destination would. */
  private static Path awaitDeadLetter(Path folder) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          var found = files.filter(f -> f.toString().endsWith(".json")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No dead letter in " + folder);
  }
}
