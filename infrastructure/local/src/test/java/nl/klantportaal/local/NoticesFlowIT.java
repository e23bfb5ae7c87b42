package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service notices end to end on the local cloud of the real template.yaml: an agent posts an outage for one customer
 * through the gateway; that customer's admin (notices preference on) gets the mail once through aws-ses-v2-local, its
 * admin who turned the preference off and another customer's admin get none; the other customer neither lists nor reads
 * the notice; the public status page (no token) shows it without naming a customer; a status change mails again, once,
 * and the schedule that finishes cut-short runs sends nothing more.
 */
class NoticesFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TenantId AFFECTED = new TenantId("storing-klant");
  private static final TenantId OTHER = new TenantId("andere-klant");
  private static final String LOTTE = "lotte@storing-klant.example.test";
  private static final String KEES = "kees@storing-klant.example.test";
  private static final String BERT = "bert@andere-klant.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static GatewayClient gateway;
  private static EnrolledAccounts accounts;
  private static MailStore mailStore;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    gateway = GatewayClient.of(cloud);
    accounts = new EnrolledAccounts(cloud, wiring);
    mailStore = MailStore.of(cloud);
    Instant now = Instant.now();
    for (TenantId id : List.of(AFFECTED, OTHER)) {
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value() + " B.V.",
          List.of(id.value() + ".example.test"), SlaTier.BRONS, Language.NL, Optional.empty()), now, now, 1));
    }
    // An admin of the affected customer who turned notice mail off (the account page's preference).
    var all = AccountSettings.Notifications.ALL;
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(new UserId("0a1b2c3d-0000-4000-8000-00000000ee01"), KEES,
        new UserProfile.PersonName("Kees", "Klant", "Kees Klant"), Language.NL, new Membership.CustomerMember(AFFECTED,
        Role.CUSTOMER_ADMIN), true, new AccountSettings(new AccountSettings.Notifications(true, all.tickets(), all.reports(),
        all.hourBundles(), all.subscriptions(), false), List.of(), false), now, now, 1));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aNoticeReachesOnlyTheAffectedCustomersAdminOncePerOccasionAndTheStatusPageNamesNoCustomer() throws Exception {
    String agent = accounts.idToken("sem@provider-storing.example.test", "Sem Servicedesk",
        new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    String lotte = accounts.idToken(LOTTE, "Lotte Klant", new Membership.CustomerMember(AFFECTED, Role.CUSTOMER_ADMIN));
    String bert = accounts.idToken(BERT, "Bert Ander", Language.EN, new Membership.CustomerMember(OTHER, Role.CUSTOMER_ADMIN));
    long since = Instant.now().getEpochSecond() - 1;

    Instant start = Instant.now().minus(Duration.ofMinutes(20));
    HttpResponse<String> created = gateway.post("/notices", "{\"kind\":\"outage\",\"service\":\"Microsoft 365\","
        + "\"affects\":{\"customers\":[\"" + AFFECTED.value() + "\"]},\"startsAt\":\"" + start + "\",\"status\":\"investigating\","
        + "\"texts\":{\"nl\":{\"title\":\"Mail komt vertraagd binnen\",\"body\":\"Wij onderzoeken de oorzaak.\"},"
        + "\"en\":{\"title\":\"Mail arrives late\",\"body\":\"We are investigating the cause.\"},"
        + "\"de\":{\"title\":\"E-Mails kommen verzögert an\",\"body\":\"Wir untersuchen die Ursache.\"}}}", agent);
    assertEquals(201, created.statusCode(), created.body());
    String id = json(created).path("noticeId").asText();

    List<JsonNode> mails = mailStore.await(m -> MailStore.to(m, LOTTE).stream()
        .anyMatch(x -> x.path("subject").asText().equals("[Storing] Microsoft 365: Mail komt vertraagd binnen")), Duration.ofMinutes(1));
    assertEquals(1, MailStore.to(mails, LOTTE).stream().filter(m -> m.path("subject").asText().startsWith("[Storing]")).count());

    JsonNode own = json(gateway.get("/notices", lotte));
    assertEquals(id, own.path("items").get(0).path("noticeId").asText());
    assertTrue(own.path("items").get(0).path("affects").isMissingNode(), "customers never see whom a notice affects");
    JsonNode others = json(gateway.get("/notices", bert));
    assertFalse(others.toString().contains(id), "another customer does not list it");
    assertEquals(404, gateway.get("/notices/" + id, bert).statusCode());

    HttpResponse<String> page = gateway.get("/public/status?lang=en", null);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains(id) && page.body().contains("Mail arrives late"), page.body());
    assertFalse(page.body().contains(AFFECTED.value()), "the status page names no customer");
    assertFalse(page.body().contains("affects"));

    HttpResponse<String> updated = gateway.post("/notices/" + id + "/updates", "{\"status\":\"identified\",\"texts\":{"
        + "\"nl\":{\"text\":\"Oorzaak gevonden bij Microsoft.\"},\"en\":{\"text\":\"Cause found at Microsoft.\"},"
        + "\"de\":{\"text\":\"Ursache bei Microsoft gefunden.\"}}}", agent);
    assertEquals(201, updated.statusCode(), updated.body());
    String changed = "[Storing] Microsoft 365: Mail komt vertraagd binnen (Oorzaak gevonden)";
    mailStore.await(m -> MailStore.to(m, LOTTE).stream().anyMatch(x -> x.path("subject").asText().equals(changed)),
        Duration.ofMinutes(1));
    JsonNode finished = resumeNoticeMails();
    assertEquals(0, finished.path("mailsSent").asInt(), finished.toString());

    Thread.sleep(2000);
    List<JsonNode> noticeMails = mailStore.since(since).stream()
        .filter(m -> m.path("subject").asText().contains("Microsoft 365")).toList();
    assertEquals(List.of("[Storing] Microsoft 365: Mail komt vertraagd binnen", changed),
        MailStore.subjectsByRecipient(noticeMails).get(LOTTE), "each occasion once");
    assertEquals(1, MailStore.subjectsByRecipient(noticeMails).size(), "nobody else: not Kees (preference off), not Bert: "
        + MailStore.subjectsByRecipient(noticeMails));
  }

  /** NoticeMailsFunction through the local Lambda Invoke API, as its schedule would. */
  private static JsonNode resumeNoticeMails() throws Exception {
    String event = Files.readString(SamTemplate.projectRoot().resolve("events/knowledge/notice-mails/schedule.json"));
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().lambda()
            + "/2015-03-31/functions/NoticeMailsFunction/invocations"))
        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.headers().firstValue("X-Amz-Function-Error").isEmpty(), answer.body());
    return JSON.readTree(answer.body());
  }
}
