package nl.klantportaal.local;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static nl.klantportaal.local.GatewayClient.json;
import static nl.klantportaal.local.MailStore.subjectsByRecipient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.sla.domain.BusinessCalendar;
import nl.klantportaal.sla.domain.SlaCalendars;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SLA warning and breach mail end to end on the local cloud of the real template.yaml, read back
 * from aws-ses-v2-local's {@code GET /store}. Kim (customer user of a Koper customer) raises a
 * critical incident through the gateway: 24 h response on the 24×7 calendar, warning at 19 h 12 min.
 * DueEventsFunction is then invoked through the local Lambda Invoke API, as {@code start invoke}
 * does, with the sample scheduled event (events/sla/due-events/scheduled.json) carrying a
 * {@code time} in the future: the scan fires what is due at that time while every function keeps
 * the system clock.
 *
 * <p>At 20 h: one warning per provider staff member in their language (and the customer's on-call
 * address if the office is closed then), nothing more for a repeat and four concurrent runs. At the
 * first out-of-office moment from 25 h on: one breach per staff member plus the on-call address,
 * however four concurrent runs and a repeat split the work; the staff's compliance page counts the
 * breached response in the deadline's month. A time more than 7 days away is refused.
 */
class SlaMailFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration MAIL_DEADLINE = Duration.ofMinutes(2);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** A moment as SLA mails write it (MailDates.moment): the day in words, the Amsterdam time and its zone. */
  private static String mailTime(Instant at, String language) {
    var local = at.atZone(AMSTERDAM);
    Locale locale = Locale.forLanguageTag(language);
    String day = local.format(DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale));
    String time = local.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
    String zone = local.format(DateTimeFormatter.ofPattern("zzz", locale));
    return switch (language) {
      case "nl" -> day + " om " + time + " (" + zone + ")";
      case "en" -> day + " at " + time + " (" + zone + ")";
      default -> day + " um " + time + " Uhr (" + zone + ")";
    };
  }
  private static final String PASSWORD = "Zonnebloem-Kaas-2026!";
  private static final TenantId CUSTOMER = new TenantId("sla-koper");
  private static final String ON_CALL = "storing@sla-koper.example.test";
  private static final String KIM = "kim@sla-koper.example.test";
  private static final String NOOR = "noor@provider-sla.example.test";
  private static final String EMILY = "emily@provider-sla.example.test";
  private static final String DIETER = "dieter@provider-sla.example.test";
  private static final String TITLE = "Serverruimte zonder stroom";
  /** The shipped business calendar: a fresh local cloud has no edited one. It decides whether on-call is mailed. */
  private static final BusinessCalendar OFFICE = SlaCalendars.defaults().business();

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static GatewayClient gateway;
  private static SignIn signIn;
  private static MailStore mailStore;
  private static DynamoDbClient dynamoDb;
  private static Outbox outbox;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    mailStore = MailStore.of(cloud);
    dynamoDb = AwsClients.dynamoDb(cloud.endpoints().dynamoDb());
    outbox = new Outbox(dynamoDb);
    Instant now = Instant.now();
    IdentityWiring.of(wiring).customers().create(new Customer(CUSTOMER, new CustomerDetails("Koper Klant B.V.", List.of("sla-koper.example.test"),
        SlaTier.KOPER, Language.DE, Optional.of(ON_CALL)), now, now, 1));
    // Provider staff as profiles (pattern 9 lists them for the mail); Noor also signs in for the compliance page.
    profile(new UserId("22222222-0000-4000-8000-0000000000e1"), EMILY, "Emily English", Language.EN,
        new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    profile(new UserId("22222222-0000-4000-8000-0000000000d1"), DIETER, "Dieter Deutsch", Language.DE,
        new Membership.ProviderStaff(Role.PROVIDER_AGENT));
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
  void aCriticalTicketWarnsAndBreachesOnceEachPerRecipientUnderRepeatedAndConcurrentScans() throws Exception {
    String kim = enrolledIdToken(KIM, "Kim Klant", Language.NL, new Membership.CustomerMember(CUSTOMER, Role.CUSTOMER_USER));
    String noor = enrolledIdToken(NOOR, "Noor Nederlands", Language.NL, new Membership.ProviderStaff(Role.PROVIDER_AGENT));

    // 1. Kim raises a critical incident through the gateway; the SLA clock runs from its creation
    HttpResponse<String> created = gateway.send(gateway.request("/tickets", kim).header("idempotency-key", "sla-mail-it-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incident\",\"category\":\"email\",\"priority\":\"critical\","
            + "\"title\":\"" + TITLE + "\",\"description\":\"Alle servers zijn uit, niemand kan werken.\"}")));
    assertEquals(201, created.statusCode(), created.body());
    JsonNode ticket = JSON.readTree(created.body());
    String id = ticket.path("id").asText();
    String token = "[#" + id + "] ";
    Instant createdAt = Instant.parse(ticket.path("createdAt").asText());
    JsonNode response = json(gateway.get("/tickets/" + id, kim)).path("sla").path("response");
    assertEquals("running", response.path("state").asText(), response.toString());
    assertEquals(24, response.path("hours").asInt(), response.toString());
    assertEquals("24x7", response.path("calendar").asText(), response.toString());
    Instant dueAt = Instant.parse(response.path("dueAt").asText());
    assertEquals(createdAt.plus(Duration.ofHours(24)), dueAt, response.toString());
    assertEquals(createdAt.plus(Duration.ofHours(19).plusMinutes(12)), Instant.parse(response.path("warningAt").asText()));
    String dueNl = mailTime(dueAt, "nl");
    String dueEn = mailTime(dueAt, "en");
    String dueDe = mailTime(dueAt, "de");
    // The new-ticket mails come first (stream poller), with the on-call page when the office is closed at creation
    // (sent at once by OnCallPagesFunction, not by the scan); once they are in, every later mail is the scan's
    boolean closedAtCreation = !OFFICE.isOpen(createdAt);
    int atCreation = 3 + (closedAtCreation ? 1 : 0);
    List<JsonNode> creationMails = awaitMails(token, mails -> mails.size() == atCreation);
    if (closedAtCreation) {
      assertEquals(List.of(token + "Bereitschaft: neues kritisches Ticket: " + TITLE), MailStore.to(creationMails, ON_CALL).stream()
          .map(m -> m.path("subject").asText()).toList(), "the on-call page, in the customer's language");
      assertText(creationMails, ON_CALL, "Außerhalb der Geschäftszeiten ist ein kritisches Ticket eingegangen (Kritisch); "
          + "die Reaktionsfrist endet am " + dueDe + ".");
    }
    outbox.awaitNonePending(MAIL_DEADLINE);

    // 2. The scan at 20 h: one warning per staff member in their language (+ on-call if the office is closed then)
    Instant warningTime = createdAt.plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS); // EventBridge: whole seconds
    JsonNode first = scanAt(warningTime);
    assertEquals(warningTime.toString(), first.path("at").asText(), "the event's time, not the function's clock");
    assertEquals(Map.of("WARNING_80", 1), fired(first), first.toString());
    assertEquals(List.of(0, 0, 1, true), List.of(first.path("raced").asInt(), first.path("skipped").asInt(),
        first.path("itemsRead").asInt(), first.path("complete").asBoolean()), first.toString());
    boolean closedAtWarning = !OFFICE.isOpen(warningTime);
    Map<String, List<String>> warnings = new TreeMap<>(Map.of(
        NOOR, List.of(token + "SLA-waarschuwing: " + TITLE),
        EMILY, List.of(token + "SLA warning: " + TITLE),
        DIETER, List.of(token + "SLA-Warnung: " + TITLE)));
    if (closedAtWarning) {
      warnings.put(ON_CALL, List.of(token + "SLA-Warnung: " + TITLE)); // the customer's language
    }
    List<JsonNode> mails = awaitMails(token, all -> warningMails(all).size() == warnings.size());
    assertEquals(warnings, subjectsByRecipient(warningMails(mails)));
    assertText(mails, NOOR, "80% van de reactietijd is verstreken (Kritiek); de deadline is " + dueNl + ".");
    assertText(mails, EMILY, "the deadline is " + dueEn + ".");
    assertText(mails, DIETER, "die Frist endet am " + dueDe + ".");

    // 3. The same moment again, then four runs at once: nothing is due any more, nothing is sent
    JsonNode again = scanAt(warningTime);
    assertEquals(Map.of(), fired(again), again.toString());
    assertEquals(0, again.path("itemsRead").asInt(), "the warning's DueIndex entry left with its firing: " + again);
    for (JsonNode run : concurrentScansAt(warningTime, 4)) {
      assertEquals(Map.of(), fired(run), run.toString());
      assertEquals(0, run.path("raced").asInt() + run.path("itemsRead").asInt(), run.toString());
    }
    assertEquals(warnings, subjectsByRecipient(warningMails(ticketMails(token))), "still one warning per recipient");
    assertEquals(0, outbox.pending().size(), "no warning waits in the outbox for a later send either");

    // 4. The first out-of-office moment from 25 h on, before the resolution's own warning (57 h 36 min):
    //    four concurrent runs fire the response deadline once between them, the on-call address included
    Instant breachTime = firstClosedFrom(createdAt.plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS));
    assertTrue(breachTime.isBefore(createdAt.plus(Duration.ofHours(57))), breachTime.toString());
    int deadlines = 0;
    for (JsonNode run : concurrentScansAt(breachTime, 4)) {
      assertEquals(breachTime.toString(), run.path("at").asText());
      int firedHere = fired(run).values().stream().mapToInt(Integer::intValue).sum();
      deadlines += fired(run).getOrDefault("DEADLINE", 0);
      assertEquals(run.path("itemsRead").asInt(), firedHere + run.path("raced").asInt(),
          "each entry a run read was fired by it or lost to another run: " + run);
      assertEquals(0, run.path("skipped").asInt(), run.toString());
      assertTrue(run.path("complete").asBoolean(), run.toString());
    }
    assertEquals(1, deadlines, "four concurrent runs fire the response deadline once");
    Map<String, List<String>> breaches = Map.of(
        NOOR, List.of(token + "SLA overschreden: " + TITLE),
        EMILY, List.of(token + "SLA breached: " + TITLE),
        DIETER, List.of(token + "SLA verletzt: " + TITLE),
        ON_CALL, List.of(token + "SLA verletzt: " + TITLE));
    mails = awaitMails(token, all -> breachMails(all).size() == breaches.size());
    assertEquals(breaches, subjectsByRecipient(breachMails(mails)));
    assertText(mails, NOOR, "De reactietijd (Kritiek) is overschreden sinds " + dueNl + ".");
    assertText(mails, EMILY, "The response time (Critical) was breached on " + dueEn + ".");
    assertText(mails, ON_CALL, "Die Reaktionszeit (Kritisch) ist seit " + dueDe + " überschritten.");

    JsonNode repeat = scanAt(breachTime);
    assertEquals(Map.of(), fired(repeat), repeat.toString());
    assertEquals(0, repeat.path("itemsRead").asInt(), repeat.toString());
    List<JsonNode> all = ticketMails(token);
    assertEquals(breaches, subjectsByRecipient(breachMails(all)), "still one breach per recipient");
    assertEquals(atCreation + warnings.size() + breaches.size(), all.size(),
        "new ticket (and the on-call page out of hours), warnings, breaches and nothing else: " + all);
    assertEquals(0, outbox.pending().size());

    // 5. The breached response is counted once, in the deadline's month, on the staff's compliance page
    YearMonth month = YearMonth.from(dueAt.atZone(AMSTERDAM));
    JsonNode compliance = json(gateway.get("/sla/compliance?month=" + month + "&customerId=" + CUSTOMER.value(), noor));
    assertEquals(1, compliance.path("response").path("breached").asInt(), compliance.toString());
    assertEquals(0, compliance.path("response").path("met").asInt(), compliance.toString());
    assertEquals(0, compliance.path("resolution").path("breached").asInt() + compliance.path("resolution").path("met").asInt(),
        compliance.toString());

    // 6. A scheduled event more than 7 days ahead of the function's clock is refused: the invocation fails, nothing fires
    HttpResponse<String> refused = invoke(scheduledEvent(Instant.now().plus(Duration.ofDays(8))));
    assertEquals("Unhandled", refused.headers().firstValue("X-Amz-Function-Error").orElse(""), refused.body());
    JsonNode error = JSON.readTree(refused.body());
    assertEquals("java.lang.IllegalArgumentException", error.path("errorType").asText(), refused.body());
    assertTrue(error.path("errorMessage").asText().contains("more than 7 days after the clock's"), refused.body());
    assertEquals(all.size(), ticketMails(token).size(), "nothing more was sent");
  }

  // --- the scan through the local Lambda Invoke API -----------------------------------------------

  /** The sample scheduled event with another {@code time}, as a schedule firing then would send it. */
  private static String scheduledEvent(Instant time) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(SamTemplate.projectRoot()
        .resolve("events/sla/due-events/scheduled.json")));
    event.put("time", time.toString());
    return JSON.writeValueAsString(event);
  }

  private static HttpResponse<String> invoke(String event) throws Exception {
    return HTTP.send(invocation(event), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest invocation(String event) {
    return HttpRequest.newBuilder(URI.create(cloud.endpoints().lambda() + "/2015-03-31/functions/DueEventsFunction/invocations"))
        .POST(HttpRequest.BodyPublishers.ofString(event)).build();
  }

  private static JsonNode answer(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("X-Amz-Function-Error").isEmpty(), response.body());
    return JSON.readTree(response.body());
  }

  private static JsonNode scanAt(Instant time) throws Exception {
    return answer(invoke(scheduledEvent(time)));
  }

  /** {@code n} invocations sent at once; answers each run's report. */
  private static List<JsonNode> concurrentScansAt(Instant time, int n) throws Exception {
    String event = scheduledEvent(time);
    List<CompletableFuture<HttpResponse<String>>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(HTTP.sendAsync(invocation(event), HttpResponse.BodyHandlers.ofString()));
    }
    List<JsonNode> answers = new ArrayList<>();
    for (var run : runs) {
      answers.add(answer(run.get()));
    }
    return answers;
  }

  private static Map<String, Integer> fired(JsonNode answer) {
    Map<String, Integer> fired = new TreeMap<>();
    answer.path("fired").properties().forEach(e -> fired.put(e.getKey(), e.getValue().asInt()));
    return fired;
  }

  /** The first quarter hour from {@code from} at which the business calendar is closed (nights, weekends, holidays). */
  private static Instant firstClosedFrom(Instant from) {
    Instant at = from;
    while (OFFICE.isOpen(at)) {
      at = at.plus(Duration.ofMinutes(15));
    }
    return at;
  }

  // --- people ------------------------------------------------------------------------------------

  private static void profile(UserId id, String email, String name, Language language, Membership membership) {
    Instant now = Instant.now();
    String[] parts = name.split(" ");
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName(parts[0], parts[1], name), language,
        membership, false, AccountSettings.DEFAULT, now, now, 1));
  }

  /** A Cognito user with its profile, TOTP enrolled through the portal's own routes, then signed in with a code. */
  private static String enrolledIdToken(String email, String name, Language language, Membership membership) throws Exception {
    UserId id;
    try (CognitoPool pool = CognitoPool.open(cloud)) {
      id = pool.createAccount(email, PASSWORD);
    }
    profile(id, email, name, language, membership);
    String secret = signIn.enrolTotp(email, PASSWORD);
    return signIn.withTotp(email, PASSWORD, secret).path("idToken").asText();
  }

  // --- mail ----------------------------------------------------------------------------------------

  private static List<JsonNode> ticketMails(String token) throws Exception {
    return mailStore.subjectStartsWith(token);
  }

  /** The ticket's mails once {@code done} holds, polled until a deadline. */
  private static List<JsonNode> awaitMails(String token, Predicate<List<JsonNode>> done) throws Exception {
    return mailStore.await(token, done, MAIL_DEADLINE);
  }

  /** The warnings among {@code mails} (nl, en, de subjects). */
  private static List<JsonNode> warningMails(List<JsonNode> mails) {
    return mails.stream().filter(m -> m.path("subject").asText().matches(".*\\] (SLA-waarschuwing|SLA warning|SLA-Warnung): .*"))
        .toList();
  }

  /** The breach mails among {@code mails} (nl, en, de subjects). */
  private static List<JsonNode> breachMails(List<JsonNode> mails) {
    return mails.stream().filter(m -> m.path("subject").asText().matches(".*\\] (SLA overschreden|SLA breached|SLA verletzt): .*"))
        .toList();
  }

  private static void assertText(List<JsonNode> mails, String to, String expected) {
    List<JsonNode> mine = MailStore.to(mails, to).stream().filter(m -> m.path("body").path("text").asText().contains(expected))
        .toList();
    assertEquals(1, mine.size(), "one mail to " + to + " saying \"" + expected + "\": " + mails);
    assertFalse(mine.getFirst().path("from").asText().isBlank(), mine.toString());
  }
}
