package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 and SES made to fail on the local cloud of the real template.yaml with the demo data, through
 * the local cloud's fault switch ({@link Faults}): the functions make their real SDK calls and meet a
 * 5xx from s3proxy or from the SES endpoint. Each test prints its figures: faults injected, requests,
 * retries, dead letters and duplicates (always 0).
 *
 * <ul>
 *   <li>Mail is retried and dead-lettered, never lost: a ticket's mails wait in the outbox while SES
 *       fails, go out once when it works again, and end FAILED (with the rendered mail kept) after 8
 *       attempts when it never does.</li>
 *   <li>An attachment confirm fails cleanly: problem+json, no attachment, the upload still in
 *       quarantine, and the same confirm succeeds once S3 works again.</li>
 *   <li>A scheduled job re-run makes no duplicates: the monthly reports run three more times for the
 *       same month, and a report regenerated while S3 fails is dead-lettered without a half-stored
 *       record (the listed version and its PDF stay). Regenerating that version again is refused
 *       (409) for 30 minutes, then its work item is written again (ReportsFlowTest; docs/reports.md, "Gaps").</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String MONTH = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1).toString();
  private static final String TABLE = "PortalTable";

  private static DynamoDbClient dynamoDb;
  private static Outbox outbox;
  private static MailStore mail;

  @BeforeAll
  static void settle() throws Exception {
    dynamoDb = AwsClients.dynamoDb(DEMO.cloud().endpoints().dynamoDb());
    outbox = new Outbox(dynamoDb);
    mail = MailStore.of(DEMO.cloud());
    // The start makes last month's reports in the background and mails them: let that finish first.
    mail.await("Uw maandrapportage over", mails -> mails.size() >= 2, DEADLINE);
    outbox.awaitNonePending(DEADLINE);
  }

  @AfterEach
  void disarm() {
    DEMO.cloud().faults().clear();
  }

  private static Faults faults() {
    return DEMO.cloud().faults();
  }

  @Test
  @Order(1)
  void ticketMailWaitsInTheOutboxWhileSesFailsAndGoesOutOnceWhenItWorksAgain() throws Exception {
    int callsBefore = faults().calls(Faults.Service.SES, "SendEmail");
    int injectedBefore = faults().injected(Faults.Service.SES, "SendEmail");
    faults().failAlways(Faults.Service.SES, "SendEmail", 503);
    String title = "Printer stuk " + UUID.randomUUID().toString().substring(0, 8);
    String token = raiseTicket("jan@acme.example.test", title);

    List<String> outboxIds = awaitPendingMailsOf(title);
    assertFalse(outboxIds.isEmpty(), "the new ticket's mails to staff are in the outbox");
    int retries = 0;
    for (int run = 1; run <= 2; run++) {
      retryJob(Instant.now().plus(Duration.ofHours(run)));
      retries++;
    }
    for (String id : outboxIds) {
      Map<String, AttributeValue> item = outboxItem(id);
      assertEquals("PENDING", item.get("state").s(), item.toString());
      assertEquals(3, Integer.parseInt(item.get("attempts").n()), "claim plus two retries: " + item);
      assertTrue(item.containsKey("lastError"), item.toString());
    }
    assertEquals(List.of(), mail.subjectStartsWith("[#" + token + "]"), "nothing was delivered while SES failed");

    faults().clear();
    retryJob(Instant.now().plus(Duration.ofHours(3)));
    retryJob(Instant.now().plus(Duration.ofHours(4)));
    retries += 2;
    List<JsonNode> delivered = mail.await("[#" + token + "]", mails -> mails.size() >= outboxIds.size(), DEADLINE);
    Thread.sleep(1000); // a second copy would have arrived by now
    delivered = mail.subjectStartsWith("[#" + token + "]");
    List<String> recipients = delivered.stream().map(m -> m.path("destination").path("to").toString()).sorted().toList();
    int duplicates = recipients.size() - (int) recipients.stream().distinct().count();
    for (String id : outboxIds) {
      assertEquals("SENT", outboxItem(id).get("state").s());
    }
    int injected = faults().injected(Faults.Service.SES, "SendEmail") - injectedBefore;
    System.out.printf("Faults (SES, transient): %d faults injected, %d SendEmail requests, %d mails, %d retry runs, "
            + "%d delivered, %d dead letters, %d duplicates%n", injected,
        faults().calls(Faults.Service.SES, "SendEmail") - callsBefore, outboxIds.size(), retries, delivered.size(), 0, duplicates);
    assertEquals(outboxIds.size(), delivered.size(), "every mail delivered once: " + recipients);
    assertEquals(0, duplicates);
    assertTrue(injected >= outboxIds.size() * 3, "each of the three failed attempts per mail met the fault: " + injected);
  }

  @Test
  @Order(2)
  void ticketMailThatSesNeverTakesIsDeadLetteredAfterEightAttemptsWithTheMailKept() throws Exception {
    int callsBefore = faults().calls(Faults.Service.SES, "SendEmail");
    int injectedBefore = faults().injected(Faults.Service.SES, "SendEmail");
    faults().failAlways(Faults.Service.SES, "SendEmail", 500);
    String title = "Server plat " + UUID.randomUUID().toString().substring(0, 8);
    String token = raiseTicket("jan@acme.example.test", title);
    List<String> outboxIds = awaitPendingMailsOf(title);

    int runs = 0;
    while (!pendingMailsOf(title).isEmpty() && runs < 12) {
      runs++;
      retryJob(Instant.now().plus(Duration.ofHours(3L * runs)));
    }
    List<Map<String, AttributeValue>> deadLetters = new ArrayList<>();
    for (String id : outboxIds) {
      Map<String, AttributeValue> item = outboxItem(id);
      assertEquals("FAILED", item.get("state").s(), item.toString());
      assertEquals(8, Integer.parseInt(item.get("attempts").n()), item.toString());
      assertTrue(item.get("subject").s().contains(title), "the rendered mail is kept: " + item.get("subject"));
      assertFalse(item.containsKey("DuePK"), "off the DueIndex: the retry job does not read it again");
      deadLetters.add(item);
    }
    assertEquals(List.of(), mail.subjectStartsWith("[#" + token + "]"));
    int injected = faults().injected(Faults.Service.SES, "SendEmail") - injectedBefore;
    System.out.printf("Faults (SES, permanent): %d faults injected, %d SendEmail requests, %d mails, %d retry runs, "
            + "%d delivered, %d dead letters, %d duplicates, %d lost%n", injected,
        faults().calls(Faults.Service.SES, "SendEmail") - callsBefore, outboxIds.size(), runs, 0, deadLetters.size(), 0,
        outboxIds.size() - deadLetters.size());
    assertEquals(7, runs, "seven retries after the first attempt");
    assertEquals(outboxIds.size(), deadLetters.size(), "every mail is either sent or dead-lettered: none lost");
  }

  @Test
  @Order(3)
  void anAttachmentConfirmWhileS3FailsIsAProblemStoresNothingAndCanBeRetried() throws Exception {
    String jan = DEMO.signIn().demo("jan@acme.example.test");
    String ticket = raiseTicket("jan@acme.example.test", "Scan " + UUID.randomUUID().toString().substring(0, 8));
    byte[] pdf = Arrays.copyOf("%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), 1500);
    JsonNode offer = JSON.readTree(DEMO.gateway().post("/tickets/" + ticket + "/attachments",
        "{\"fileName\":\"scan.pdf\",\"contentType\":\"application/pdf\",\"size\":1500}", jan).body());
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(offer.at("/upload/url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
    offer.at("/upload/headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    String id = offer.path("uploadId").asText();
    String confirm = "/tickets/" + ticket + "/attachments/" + id + "/confirm";

    int callsBefore = faults().calls(Faults.Service.S3, "*");
    faults().failAlways(Faults.Service.S3, "CopyObject", 503);
    HttpResponse<String> failed = DEMO.gateway().post(confirm, "", jan);
    assertEquals(503, failed.statusCode(), "an outage of S3 is retryable, not a fault of ours: " + failed.body());
    assertEquals("application/problem+json", failed.headers().firstValue("content-type").orElse(""));
    assertEquals("5", failed.headers().firstValue("retry-after").orElse(""), "the caller is told when to try again");
    JsonNode problem = JSON.readTree(failed.body());
    assertEquals("urn:klantportaal:problem:service-unavailable", problem.path("type").asText());
    assertFalse(failed.body().contains("S3") || failed.body().contains("Exception"), "no internals: " + failed.body());
    int injected = faults().injected(Faults.Service.S3, "CopyObject");
    assertEquals(0, JSON.readTree(DEMO.gateway().get("/tickets/" + ticket, jan).body()).path("attachments").size(),
        "no attachment recorded");
    List<String> keys = objectKeys(LocalNames.bucketName("AttachmentsBucket"), id);
    assertTrue(keys.stream().anyMatch(k -> k.startsWith("quarantine/")), "the upload waits in quarantine: " + keys);
    assertTrue(keys.stream().allMatch(k -> k.startsWith("quarantine/")), "nothing released: " + keys);

    faults().clear();
    HttpResponse<String> retried = DEMO.gateway().post(confirm, "", jan);
    assertEquals(201, retried.statusCode(), retried.body());
    HttpResponse<String> again = DEMO.gateway().post(confirm, "", jan);
    assertEquals(200, again.statusCode(), "a repeated confirm answers the attachment: " + again.body());
    JsonNode attachments = JSON.readTree(DEMO.gateway().get("/tickets/" + ticket, jan).body()).path("attachments");
    assertEquals(1, attachments.size(), attachments.toString());

    // One failing call only: the SDK's own retry takes it, and the confirm just works.
    String second = announceAndUpload(ticket, jan, pdf);
    faults().failNext(Faults.Service.S3, "HeadObject", 1, 500);
    HttpResponse<String> absorbed = DEMO.gateway().post("/tickets/" + ticket + "/attachments/" + second + "/confirm", "", jan);
    assertEquals(201, absorbed.statusCode(), absorbed.body());
    int attachmentsAfter = JSON.readTree(DEMO.gateway().get("/tickets/" + ticket, jan).body()).path("attachments").size();
    System.out.printf("Faults (S3, attachment confirm): %d faults injected, %d S3 requests, 1 failed confirm (503 problem+json, Retry-After), "
            + "2 confirms retried, %d attachments, %d duplicates%n", injected + faults().injected(Faults.Service.S3, "HeadObject"),
        faults().calls(Faults.Service.S3, "*") - callsBefore, attachmentsAfter, attachmentsAfter - 2);
    assertEquals(2, attachmentsAfter);
  }

  @Test
  @Order(4)
  void theMonthlyReportsRunAgainAndARegenerationAfterAnS3FailureMakeNoDuplicates() throws Exception {
    String ilse = DEMO.signIn().demo("it@acme.example.test");
    String petra = DEMO.signIn().demo("beheer@provider.example.test");
    JsonNode before = JSON.readTree(DEMO.gateway().get("/reports", ilse).body()).path("reports");
    assertEquals(1, before.size(), before.toString());
    int mailsBefore = mail.subjectStartsWith("Uw maandrapportage over").size();

    // The schedule fires twice more for the same month: nothing new is written, nobody is mailed again.
    String scheduled = "{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\",\"time\":\"" + Instant.now()
        + "\",\"detail\":{}}";
    for (int run = 0; run < 2; run++) {
      InvocationResult result = DEMO.cloud().functions().require("MonthlyReportsFunction").invoke(scheduled);
      assertTrue(result instanceof InvocationResult.Success success && success.json().contains("\"started\":false"), result.toString());
    }

    // A regeneration while S3 refuses every PutObject: retried by the stream, then dead-lettered; no record without its PDF.
    int callsBefore = faults().calls(Faults.Service.S3, "*");
    faults().failAlways(Faults.Service.S3, "PutObject", 503);
    assertEquals(202, DEMO.gateway().post("/customers/demo-acme/reports/" + MONTH + "/regenerate", "", petra).statusCode());
    Path folder = DEMO.cloud().deadLetters().folder("ReportJobsFunction");
    Path letter = Poll.until(() -> deadLetterFor(folder, "demo-acme"), java.util.Optional::isPresent, Duration.ofSeconds(120),
        none -> "no dead letter for demo-acme in " + folder).orElseThrow();
    int injected = faults().injected(Faults.Service.S3, "PutObject");
    faults().clear();
    JsonNode during = JSON.readTree(DEMO.gateway().get("/reports", ilse).body()).path("reports");
    assertEquals(before, during, "the failed regeneration left the report as it was");
    HttpResponse<String> download = DEMO.gateway().get("/reports/" + MONTH + "/download", ilse);
    assertEquals(200, download.statusCode(), download.body());
    assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(JSON.readTree(download.body()).path("url").asText())).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode(), "the listed report's PDF is there");

    // The schedule once more after the failure: still the one report, nobody mailed again.
    InvocationResult rerun = DEMO.cloud().functions().require("MonthlyReportsFunction").invoke(scheduled);
    assertTrue(rerun instanceof InvocationResult.Success, rerun.toString());
    Thread.sleep(1500);
    JsonNode last = JSON.readTree(DEMO.gateway().get("/reports", ilse).body()).path("reports");
    int mailsAfter = mail.subjectStartsWith("Uw maandrapportage over").size();
    int duplicates = last.size() - 1 + (mailsAfter - mailsBefore);
    System.out.printf("Faults (S3, monthly reports): %d faults injected, %d S3 requests, 3 schedule re-runs, 1 regeneration, "
            + "1 dead letter (%s), reports of %s: %d (version %d), report mails %d -> %d, %d duplicates%n", injected,
        faults().calls(Faults.Service.S3, "*") - callsBefore, letter.getFileName(), MONTH, last.size(), last.at("/0/version").asInt(),
        mailsBefore, mailsAfter, duplicates);
    assertEquals(before, last, "the re-runs changed nothing");
    assertEquals(0, duplicates);
    assertTrue(injected >= 3, "the work item met the fault on each delivery: " + injected);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String raiseTicket(String email, String title) throws Exception {
    String idToken = DEMO.signIn().demo(email);
    HttpResponse<String> created = DEMO.gateway().send(DEMO.gateway().request("/tickets", idToken)
        .header("idempotency-key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incident\",\"category\":\"email\",\"title\":\"" + title
            + "\",\"description\":\"Fault test\"}")));
    assertEquals(201, created.statusCode(), created.body());
    return JSON.readTree(created.body()).path("id").asText();
  }

  private static String announceAndUpload(String ticket, String idToken, byte[] content) throws Exception {
    JsonNode offer = JSON.readTree(DEMO.gateway().post("/tickets/" + ticket + "/attachments",
        "{\"fileName\":\"scan-2.pdf\",\"contentType\":\"application/pdf\",\"size\":" + content.length + "}", idToken).body());
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(offer.at("/upload/url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    offer.at("/upload/headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    return offer.path("uploadId").asText();
  }

  /** The outbox ids of the mails of the ticket titled {@code title} still on the DueIndex, once each has failed a send. */
  private static List<String> awaitPendingMailsOf(String title) throws Exception {
    List<String> seen = List.of();
    while (true) {
      List<String> now = Poll.until(() -> pendingMailsOf(title), ids -> !ids.isEmpty() && ids.stream().allMatch(id ->
          outboxItem(id).containsKey("lastError")), DEADLINE, ids -> "no failed mails of " + title + " on the DueIndex: " + ids);
      if (now.size() == seen.size()) {
        return now; // the same mails twice, 3 s apart: every recipient's mail has been claimed and has failed
      }
      seen = now;
      Thread.sleep(3000);
    }
  }

  private static List<String> pendingMailsOf(String title) {
    return outbox.pending().stream().map(due -> due.get("PK").s())
        .filter(pk -> outboxItem(pk).get("subject").s().contains(title)).toList();
  }

  private static Map<String, AttributeValue> outboxItem(String pk) {
    return dynamoDb.getItem(r -> r.tableName(TABLE).key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("OUTBOX"))))
        .item();
  }

  private static void retryJob(Instant at) {
    String event = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"time\":\"" + at + "\",\"detail\":{}}";
    InvocationResult result = DEMO.cloud().functions().require("MailRetryFunction").invoke(event);
    assertTrue(result instanceof InvocationResult.Success, result.toString());
  }

  /** The keys of the bucket's objects of one upload (quarantine and released). */
  private static List<String> objectKeys(String bucket, String uploadId) {
    try (S3Client s3 = AwsClients.s3(DEMO.cloud().endpoints().s3())) {
      return s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key()).filter(k -> k.endsWith("/" + uploadId))
          .toList();
    }
  }

  private static java.util.Optional<Path> deadLetterFor(Path folder, String tenant) throws Exception {
    if (!Files.isDirectory(folder)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        if (Files.readString(file).contains("TENANT#" + tenant)) {
          return java.util.Optional.of(file);
        }
      }
    }
    return java.util.Optional.empty();
  }
}
