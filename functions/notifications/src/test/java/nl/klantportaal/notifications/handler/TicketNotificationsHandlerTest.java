package nl.klantportaal.notifications.handler;

import nl.klantportaal.notifications.wiring.NotificationWiring;
import static nl.klantportaal.notifications.handler.TicketItemsFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.ticketing.domain.MailLink;
import nl.klantportaal.ticketing.domain.MailLinkAction;
import nl.klantportaal.ticketing.domain.MailLinkSigner;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Ticket items written to DynamoDB Local by the contract, read back from its stream and fed to the
 * handler; mails recorded per recipient. Plus the fixtures in events/notifications/ticket-notifications.
 */
class TicketNotificationsHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private KernelWiring wiring;
  private RecordingMailSender mail;
  private TicketNotificationsHandler handler;
  private TicketItemsFixture items;
  private StreamEvents stream;
  private Map<String, String> env;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    String table = dynamoDb.createPortalTable();
    env = TestEnvironment.forTable(dynamoDb, table);
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(NOW, ZoneOffset.UTC));
    mail = new RecordingMailSender();
    handler = new TicketNotificationsHandler(wiring, mail);
    items = new TicketItemsFixture(wiring);
    items.people(NOW);
    String arn = wiring.table().client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
    stream = new StreamEvents(DynamoDbStreamsClient.builder().endpointOverride(dynamoDb.endpoint())
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder().build()).build(), arn);
    stream.next(); // the profiles written above
  }

  private StreamsEventResponse call(DynamodbEvent event) {
    return handler.handle(event, Lambda.context("TicketNotificationsFunction"));
  }

  private Set<String> subjectsTo(String address) {
    return mail.sent().stream().filter(m -> m.to().equals(address)).map(MailSender.ThreadedMail::subject)
        .collect(Collectors.toSet());
  }

  @Test
  void realItemsThroughTheStreamMailTheRightPeopleInTheirLanguageAndNeverTheNote() {
    items.ticket("new", REPORTER, Optional.empty(), 1);
    items.watch(INVOLVED);
    items.message("m1", AGENT, "provider", "Internal: the customer's printer is ancient", true);
    items.ticket("open", AGENT, Optional.of(AGENT), 2);
    items.message("m2", AGENT, "provider", "We replaced the <fuser>.", false);
    items.ticket("resolved", AGENT, Optional.of(AGENT), 3);

    DynamodbEvent batch = stream.next();
    assertEquals(6, batch.getRecords().size(), "every item write is a stream record, the note and the watch included");
    assertEquals(List.of(), call(batch).getBatchItemFailures());

    String title = "Printer <Verdieping 2> prints & jams";
    assertEquals(Set.of(), subjectsTo("jan@acme.example.test").stream().filter(s -> s.contains("Nieuw ticket"))
        .collect(Collectors.toSet()), "the reporter created it");
    assertEquals(Set.of("[#acme-fixture-42] Status gewijzigd: " + title, "[#acme-fixture-42] Nieuwe reactie: " + title,
        "[#acme-fixture-42] Opgelost: " + title), subjectsTo("jan@acme.example.test"));
    assertEquals(Set.of("[#acme-fixture-42] Neues Ticket: " + title, "[#acme-fixture-42] Status geändert: " + title,
        "[#acme-fixture-42] Neue Antwort: " + title, "[#acme-fixture-42] Gelöst: " + title), subjectsTo("greta@acme.example.test"));
    assertEquals(Set.of("[#acme-fixture-42] New ticket: " + title), subjectsTo("anna@provider.example.test"),
        "agents hear of the new ticket, not of their own reply or status changes");
    assertEquals(Set.of("[#acme-fixture-42] Nieuw ticket: " + title), subjectsTo("petra@provider.example.test"));
    assertEquals(9, mail.sent().size());
    assertTrue(mail.sent().stream().noneMatch(m -> m.text().contains("Internal") || m.html().contains("Internal")),
        "the internal note is never mailed");
    for (MailSender.ThreadedMail m : mail.sent()) {
      assertTrue(m.messageId().matches("<t\\.acme-fixture\\.42\\.[0-9a-f]{64}@example\\.test>"), m.messageId());
      assertEquals("<t.acme-fixture.42@example.test>", m.threadRootId());
      assertEquals("Klantportaal <no-reply@example.test>", m.from());
      assertEquals(Optional.empty(), m.configurationSet());
      assertEquals(Optional.of("Klantportaal support <support@example.test>"), m.replyTo(),
          "a reply goes to the support address, whose mail the inbound function reads");
    }
    var resolved = mail.sent().stream().filter(m -> m.subject().contains("Gelöst")).findFirst().orElseThrow();
    assertTrue(resolved.html().contains("https://portal.example.test/#/tickets/acme-fixture-42/resolution"), resolved.html());
    assertTrue(resolved.html().contains("Printer &lt;Verdieping 2&gt; prints &amp; jams"), resolved.html());
    var reply = mail.sent().stream().filter(m -> m.subject().contains("Neue Antwort")).findFirst().orElseThrow();
    assertTrue(reply.html().contains("We replaced the &lt;fuser&gt;."), reply.html());

    // One-click accept and reject, each signed for its recipient; the page shows what happens, its button acts.
    var signer = TicketWiring.of(wiring).mailLinks();
    java.util.regex.Matcher links = java.util.regex.Pattern.compile("https://portal\\.example\\.test/#/mail-link/([A-Za-z0-9_.-]+)")
        .matcher(resolved.text());
    List<MailLink> found = new java.util.ArrayList<>();
    while (links.find()) {
      var checked = signer.check(links.group(1), NOW);
      assertTrue(checked instanceof MailLinkSigner.Checked.Valid, links.group(1) + ": " + checked);
      found.add(((MailLinkSigner.Checked.Valid) checked).link());
    }
    assertEquals(List.of(MailLinkAction.ACCEPT, MailLinkAction.REJECT), found.stream().map(MailLink::action).toList());
    assertTrue(found.stream().allMatch(l -> l.recipient().equals(INVOLVED) && l.ticket().token().equals("acme-fixture-42")
        && l.expiresAt().equals(NOW.plus(MailLinkAction.ACCEPT.lifetime()))), found.toString());
    assertTrue(resolved.text().contains("Lösung annehmen") && resolved.html().contains("Lösung ablehnen"), resolved.text());
    assertTrue(mail.sent().stream().filter(m -> m.to().endsWith("@provider.example.test"))
        .noneMatch(m -> m.text().contains("/#/mail-link/")), "staff get no one-click links");
  }

  @Test
  void theClosedMailCarriesAOneClickRatingPerScoreForTheCustomer() {
    items.ticket("resolved", AGENT, Optional.of(AGENT), 1);
    call(stream.next());
    items.ticket("closed", AGENT, Optional.of(AGENT), 2);
    call(stream.next());
    var closed = mail.sent().stream().filter(m -> m.to().equals("jan@acme.example.test") && m.subject().contains("Gesloten"))
        .findFirst().orElseThrow();
    java.util.regex.Matcher rate = java.util.regex.Pattern.compile("/#/mail-link/([A-Za-z0-9_.-]+)/([1-5])").matcher(closed.text());
    List<String> scores = new java.util.ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    while (rate.find()) {
      tokens.add(rate.group(1));
      scores.add(rate.group(2));
    }
    assertEquals(List.of("1", "2", "3", "4", "5"), scores, closed.text());
    assertEquals(1, tokens.size(), "one link; the page for each score preselects it");
    var link = ((MailLinkSigner.Checked.Valid) TicketWiring.of(wiring).mailLinks().check(tokens.iterator().next(), NOW)).link();
    assertEquals(MailLinkAction.RATE, link.action());
    assertEquals(REPORTER, link.recipient());
    assertTrue(closed.html().contains("zeer tevreden"), closed.html());
  }

  @Test
  void theSameBatchDeliveredTwiceSendsEachMailOnce() {
    items.ticket("new", REPORTER, Optional.empty(), 1);
    items.message("m2", INVOLVED, "customer", "Any news?", false);
    DynamodbEvent batch = stream.next();
    call(batch);
    int first = mail.sent().size();
    assertEquals(3 + 3, first, "created: involved + 2 staff; customer reply: reporter + 2 staff");
    assertEquals(List.of(), call(batch).getBatchItemFailures());
    assertEquals(first, mail.sent().size(), "the redelivered batch found every outbox entry claimed");
  }

  @Test
  void snapStartPrimingRunsABatchThatIsNotMailedAndSendsNothing() {
    assertEquals(Map.of("stream record that is not mailed", "answered", "mail route of an address that does not exist", "answered"),
        handler.prime());
    assertEquals(0, mail.sent().size());
    assertEquals(List.of(), dueEntries());
  }

  @Test
  void aFailedSendStaysPendingOnTheDueIndexAndTheScheduledRetrySendsIt() {
    items.ticket("new", REPORTER, Optional.of(AGENT), 1);
    mail.failing(true);
    assertEquals(List.of(), call(stream.next()).getBatchItemFailures(), "a refused send is the outbox's business, not the stream's");
    assertEquals(0, mail.sent().size());
    List<Map<String, AttributeValue>> due = dueEntries();
    assertEquals(2, due.size(), "involved and assignee, both pending");
    assertTrue(due.stream().allMatch(d -> d.get("DuePK").s().matches("DUE#MAIL#[0-3]")
        && d.get("DueSK").s().startsWith("2026-11-23T09:35:00Z#MAIL#")), due.toString());
    var entry = outboxItem(due.get(0).get("PK").s());
    assertEquals("PENDING", entry.get("state").s());
    assertEquals("1", entry.get("attempts").n());
    assertEquals("ses-Throttling", entry.get("lastError").s());

    mail.failing(false);
    var retry = new MailRetryHandler(new KernelWiring(Config.fromEnvironment(env), Clock.fixed(NOW.plus(Duration.ofMinutes(1)),
        ZoneOffset.UTC)), mail);
    assertEquals(Map.of("mail due by 1970", "answered", "mail route of an address that does not exist", "answered"),
        retry.prime(), "SnapStart's priming runs the retry's path");
    assertEquals(0, mail.sent().size(), "priming sends none of the mail that is due");
    assertEquals(due, dueEntries(), "priming leaves the due mail on the DueIndex");
    assertEquals(entry, outboxItem(due.get(0).get("PK").s()), "and its outbox entry as it was");
    Map<String, Integer> report = retry.handleRequest(Lambda.scheduledEvent("notifications/mail-retry/scheduled.json"), Lambda.context("MailRetryFunction"));
    assertEquals(2, report.get("sent"), report.toString());
    assertEquals(Set.of("greta@acme.example.test", "anna@provider.example.test"),
        mail.sent().stream().map(MailSender.ThreadedMail::to).collect(Collectors.toSet()));
    assertEquals(List.of(), dueEntries(), "sent entries leave the DueIndex");
    var sent = outboxItem(due.get(0).get("PK").s());
    assertEquals("SENT", sent.get("state").s());
    assertEquals("2", sent.get("attempts").n());
    assertEquals(0, retry.handleRequest(null, Lambda.context("MailRetryFunction")).get("due"), "nothing left to do");
  }

  @Test
  void aMailIsGivenUpAsFailedAfterItsLastAttempt() {
    items.ticket("new", REPORTER, Optional.of(AGENT), 1);
    mail.failing(true);
    DynamodbEvent batch = stream.next();
    call(batch);
    Instant at = NOW;
    for (int i = 0; i < 12; i++) {
      at = at.plus(Duration.ofHours(3));
      new MailRetryHandler(new KernelWiring(Config.fromEnvironment(env), Clock.fixed(at, ZoneOffset.UTC)), mail)
          .handleRequest(null, Lambda.context("MailRetryFunction"));
    }
    assertEquals(List.of(), dueEntries(), "FAILED entries leave the DueIndex");
    var failed = outboxItem("OUTBOX#" + MailThreading.outboxId(batch.getRecords().get(0).getEventID(), INVOLVED.value(),
        MailKind.CREATED));
    assertEquals("FAILED", failed.get("state").s());
    assertEquals("8", failed.get("attempts").n());
    assertEquals(0, mail.sent().size());
  }

  @Test
  void aMessageOfAMissingTicketIsReportedForRedelivery() {
    items.message("m9", INVOLVED, "customer", "Hello?", false);
    DynamodbEvent batch = stream.next();
    StreamsEventResponse response = call(batch);
    assertEquals(1, response.getBatchItemFailures().size());
    assertEquals(batch.getRecords().get(0).getDynamodb().getSequenceNumber(),
        response.getBatchItemFailures().get(0).getItemIdentifier());
  }

  @Test
  void theFixturesMailTheirRecipientsAndARoutedDomainGoesThroughItsOwnSender() {
    NotificationWiring.of(wiring).mailRoutes().put(new MailRoute("acme.example.test", "alt-provider", "servicedesk@mail2.example.test", NOW,
        "admin", 1), nl.klantportaal.notifications.port.MailRoutes.Mode.CREATE);
    assertEquals(List.of(), call(EventLoader.loadDynamoDbEvent(
        Lambda.events().resolve("notifications/ticket-notifications/ticket-created.json").toString())).getBatchItemFailures());
    assertEquals(Set.of("greta@acme.example.test", "anna@provider.example.test", "petra@provider.example.test"),
        mail.sent().stream().map(MailSender.ThreadedMail::to).collect(Collectors.toSet()));
    var toGreta = mail.sent().stream().filter(m -> m.to().startsWith("greta")).findFirst().orElseThrow();
    assertEquals("servicedesk@mail2.example.test", toGreta.from());
    assertEquals(Optional.of("alt-provider"), toGreta.configurationSet());
    var toAnna = mail.sent().stream().filter(m -> m.to().startsWith("anna")).findFirst().orElseThrow();
    assertEquals("Klantportaal <no-reply@example.test>", toAnna.from(), "other domains keep the default sender");

    items.ticket("open", AGENT, Optional.of(AGENT), 2);
    stream.next();
    int before = mail.sent().size();
    assertEquals(List.of(), call(EventLoader.loadDynamoDbEvent(Lambda.events()
        .resolve("notifications/ticket-notifications/reply-watch-and-resolved.json").toString())).getBatchItemFailures());
    assertEquals(4, mail.sent().size() - before, "reply and resolved to Jan and Greta; the watch item is ignored");
  }

  private List<Map<String, AttributeValue>> dueEntries() {
    List<Map<String, AttributeValue>> all = new java.util.ArrayList<>();
    for (int s = 0; s < 4; s++) {
      String shard = "DUE#MAIL#" + s;
      all.addAll(wiring.table().client().query(r -> r.tableName(wiring.table().name()).indexName("DueIndex")
          .keyConditionExpression("DuePK = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS(shard)))).items());
    }
    return all;
  }

  private Map<String, AttributeValue> outboxItem(String pk) {
    return wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).key(Map.of("PK", AttributeValue.fromS(pk),
        "SK", AttributeValue.fromS("OUTBOX")))).item();
  }

}
