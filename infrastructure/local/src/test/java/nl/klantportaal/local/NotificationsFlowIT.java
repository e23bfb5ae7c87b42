package nl.klantportaal.local;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Ticket mail end to end on the local cloud of the real template.yaml: ticket items written to the
 * local PortalTable by the contract flow through the stream poller (with the template's
 * FilterCriteria) into TicketNotificationsFunction and out through aws-ses-v2-local, read back from
 * its {@code GET /store}. Then the same stream batch invoked twice more (nothing new is sent), and
 * SES stopped: the send fails, the outbox keeps the mail, and MailRetryFunction sends it once SES is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long the stream poller and the sends may take. */
  private static final Duration DEADLINE = Duration.ofMinutes(1);
  private static final TenantId ACME = new TenantId("acme-notify");
  private static final String PK = "TENANT#acme-notify#TICKET#00000007";
  private static final UserId JAN = new UserId("11111111-0000-4000-8000-000000000001");
  private static final UserId GRETA = new UserId("11111111-0000-4000-8000-000000000002");
  private static final UserId EMMA = new UserId("11111111-0000-4000-8000-000000000003");
  private static final UserId ANNA = new UserId("11111111-0000-4000-8000-00000000a001");

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static DynamoDbClient dynamoDb;
  private static MailStore mailStore;
  private static Outbox outbox;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    KernelWiring wiring = TestClouds.wiring(cloud, "TicketNotificationsFunction");
    Instant now = Instant.now();
    person(wiring, JAN, "jan@acme-notify.example.test", "Jan de Vries", Language.NL, new Membership.CustomerMember(ACME,
        Role.CUSTOMER_USER), now);
    person(wiring, GRETA, "greta@acme-notify.example.test", "Greta Gerber", Language.DE, new Membership.CustomerMember(ACME,
        Role.CUSTOMER_ADMIN), now);
    person(wiring, EMMA, "emma@acme-notify.example.test", "Emma English", Language.EN, new Membership.CustomerMember(ACME,
        Role.CUSTOMER_USER), now);
    person(wiring, ANNA, "anna@provider-notify.example.test", "Anna Agent", Language.EN,
        new Membership.ProviderStaff(Role.PROVIDER_AGENT), now);
    dynamoDb = AwsClients.dynamoDb(cloud.endpoints().dynamoDb());
    mailStore = MailStore.of(cloud);
    outbox = new Outbox(dynamoDb);
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  @Order(1)
  void ticketChangesReachTheRightPeopleInTheirLanguageAndNotesReachNobody() throws Exception {
    ticket("new", JAN, 1);
    message("STAFF#NOTE#2026-11-23T10:00:00Z#n1", ANNA, "provider", "Internal: printer is beyond repair");
    message("PUB#MSG#2026-11-23T10:05:00Z#m1", ANNA, "provider", "We ordered a <new> printer & toner.");
    ticket("resolved", ANNA, 2);

    List<JsonNode> mails = awaitMails(all -> all.size() >= 9);
    assertEquals(List.of("[#acme-notify-7] Gelöst: Printer <2> & jams", "[#acme-notify-7] Neue Antwort: Printer <2> & jams",
        "[#acme-notify-7] Neues Ticket: Printer <2> & jams"), subjectsTo(mails, "greta").stream().sorted().toList());
    assertTrue(subjectsTo(mails, "emma").contains("[#acme-notify-7] New ticket: Printer <2> & jams"), mails.toString());
    assertEquals(List.of("[#acme-notify-7] New ticket: Printer <2> & jams"), subjectsTo(mails, "anna"));
    assertEquals(List.of("[#acme-notify-7] Nieuwe reactie: Printer <2> & jams", "[#acme-notify-7] Opgelost: Printer <2> & jams"),
        subjectsTo(mails, "jan").stream().sorted().toList());
    assertTrue(subjectsTo(mails, "emma").contains("[#acme-notify-7] Resolved: Printer <2> & jams"), mails.toString());
    assertTrue(subjectsTo(mails, "emma").contains("[#acme-notify-7] New reply: Printer <2> & jams"), mails.toString());
    Thread.sleep(1500); // a stray mail would have arrived by now; the count below must not have grown
    List<JsonNode> settled = mailStore.all();
    assertEquals(9, settled.size(), "created: Greta, Emma, Anna; reply: Jan, Greta, Emma; resolved: Jan, Greta, Emma");
    for (JsonNode mail : settled) {
      assertFalse(mail.toString().contains("Internal"), "an internal note is never mailed: " + mail);
      assertTrue(mail.path("from").asText().contains("no-reply@"), mail.toString());
    }
    JsonNode reply = settled.stream().filter(m -> m.path("subject").asText().startsWith("[#acme-notify-7] Neue Antwort"))
        .findFirst().orElseThrow();
    assertTrue(reply.path("body").path("html").asText().contains("We ordered a &lt;new&gt; printer &amp; toner."), reply.toString());
    assertTrue(reply.path("body").path("text").asText().contains("> We ordered a <new> printer & toner."), reply.toString());
  }

  @Test
  @Order(2)
  void theSameStreamBatchDeliveredTwiceMoreSendsNothing() throws Exception {
    int before = mailStore.all().size();
    List<Record> records = streamRecords();
    String event = JSON.writeValueAsString(StreamRecords.event(records.stream()
        .filter(r -> r.dynamodb().keys().get("SK").s().startsWith("PUB#")).toList(), "arn:aws:dynamodb:local"));
    for (int i = 0; i < 2; i++) {
      InvocationResult result = cloud.functions().require("TicketNotificationsFunction").invoke(event);
      assertTrue(result instanceof InvocationResult.Success success && success.json().contains("\"batchItemFailures\":[]"),
          result.toString());
    }
    assertEquals(before, mailStore.all().size(), "every outbox entry was already claimed");
  }

  @Test
  @Order(3)
  void aSendThatFailsWhileSesIsDownIsRetriedByTheScheduledFunction() throws Exception {
    cloud.stopSes();
    try {
      message("PUB#MSG#2026-11-23T11:00:00Z#m2", EMMA, "customer", "Works again, thank you!");
      outbox.awaitFailedSends(3, DEADLINE); // Jan (reporter), Greta (involved) and Anna (no assignee: all staff); Emma wrote it
    } finally {
      cloud.startSes();
    }
    assertEquals(0, mailStore.all().size(), "the restarted aws-ses-v2-local is empty and nothing was sent while it was down");
    String scheduled = Scheduler.scheduledEvent(new Scheduler.Schedule("MailRetrySchedule", "MailRetryFunction",
        ScheduleExpression.parse("rate(5 minutes)", java.time.ZoneOffset.UTC, Instant.now()), "aws.events", "local",
        java.util.Optional.empty()), Instant.now().plus(Duration.ofHours(1)));
    InvocationResult result = cloud.functions().require("MailRetryFunction").invoke(scheduled);
    assertTrue(result instanceof InvocationResult.Success, result.toString());
    List<JsonNode> mails = awaitMails(all -> all.size() >= 3);
    assertEquals(List.of("[#acme-notify-7] Nieuwe reactie: Printer <2> & jams"), subjectsTo(mails, "jan"));
    assertEquals(List.of("[#acme-notify-7] Neue Antwort: Printer <2> & jams"), subjectsTo(mails, "greta"));
    assertEquals(List.of("[#acme-notify-7] New reply: Printer <2> & jams"), subjectsTo(mails, "anna"),
        "a customer's reply on a ticket without assignee goes to all staff");
    assertEquals(0, outbox.pending().size(), "all sent: nothing left on the DueIndex");
  }

  // --- items by the contract (docs/data-model.md "Ticket items") ----------------------------

  private static void ticket(String status, UserId by, long version) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s(PK));
    item.put("SK", s("PUB#TICKET"));
    item.put("type", s("Ticket"));
    item.put("tenantId", s(ACME.value()));
    item.put("number", AttributeValue.fromN("7"));
    item.put("token", s("acme-notify-7"));
    item.put("ticketType", s("incident"));
    item.put("priority", s("normal"));
    item.put("title", s("Printer <2> & jams"));
    item.put("description", s("It jams."));
    item.put("reporterId", s(JAN.value()));
    item.put("involved", AttributeValue.fromL(List.of(s(GRETA.value()), s(EMMA.value()))));
    item.put("source", s("portal"));
    item.put("status", s(status));
    item.put("assigneeId", AttributeValue.fromNul(true));
    item.put("createdAt", s("2026-11-23T09:30:00Z"));
    item.put("updatedAt", s(Instant.now().toString()));
    item.put("lastChangeBy", s(by.value()));
    item.put("lastChangeKind", s(status));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    dynamoDb.putItem(r -> r.tableName("PortalTable").item(item));
  }

  private static void message(String sk, UserId author, String side, String body) {
    String id = sk.substring(sk.lastIndexOf('#') + 1);
    dynamoDb.putItem(r -> r.tableName("PortalTable").item(Map.ofEntries(Map.entry("PK", s(PK)), Map.entry("SK", s(sk)),
        Map.entry("type", s(sk.startsWith("STAFF#") ? "Note" : "Message")), Map.entry("tenantId", s(ACME.value())),
        Map.entry("number", AttributeValue.fromN("7")), Map.entry("id", s(id)), Map.entry("authorId", s(author.value())),
        Map.entry("authorName", s("Author")), Map.entry("authorSide", s(side)), Map.entry("body", s(body)),
        Map.entry("source", s("portal")), Map.entry("at", s(Instant.now().toString())))));
  }

  private static void person(KernelWiring wiring, UserId id, String email, String name, Language language, Membership membership,
      Instant at) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName(name.split(" ")[0], "x", name), language,
        membership, true, AccountSettings.DEFAULT, at, at, 1));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  // --- reading back ---------------------------------------------------------------------------

  /** Waits (bounded) until the store satisfies the condition: the poller delivers asynchronously. */
  private static List<JsonNode> awaitMails(Predicate<List<JsonNode>> done) throws Exception {
    return mailStore.await(done, DEADLINE);
  }

  private static List<String> subjectsTo(List<JsonNode> mails, String localPart) {
    return MailStore.to(mails, localPart + "@").stream().map(m -> m.path("subject").asText()).toList();
  }

  private static List<Record> streamRecords() {
    try (var streams = AwsClients.dynamoDbStreams(cloud.endpoints().dynamoDb())) {
      String arn = dynamoDb.describeTable(r -> r.tableName("PortalTable")).table().latestStreamArn();
      List<Record> all = new ArrayList<>();
      for (var shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
          String current = iterator;
          var page = streams.getRecords(r -> r.shardIterator(current));
          if (page.records().isEmpty()) {
            break;
          }
          all.addAll(page.records());
          iterator = page.nextShardIterator();
        }
      }
      return all.stream().filter(r -> r.dynamodb().keys().get("PK").s().equals(PK)).toList();
    }
  }
}
