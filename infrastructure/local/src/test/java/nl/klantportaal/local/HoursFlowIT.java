package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hours end to end on the local cloud of the real template.yaml: a provider admin orders and activates
 * a bundle, an agent logs time through the gateway, the customer admin sees it (meter and list), and
 * the daily HourNoticesFunction, invoked as its schedule would, mails her the 80 % warning through
 * aws-ses-v2-local, once, however often it runs. Then the customer admin orders extra hours through
 * the catalogue's request, which her raising it approves, and the bundle-requests function on the
 * table's stream orders the pending bundle (last: its ticket mails the provider's staff).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HoursFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TenantId CUSTOMER = new TenantId("uren-klant");
  private static final String IRIS = "iris@uren-klant.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static GatewayClient gateway;
  private static EnrolledAccounts accounts;
  private static MailStore mailStore;
  private static String irisToken;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    gateway = GatewayClient.of(cloud);
    accounts = new EnrolledAccounts(cloud, wiring);
    mailStore = MailStore.of(cloud);
    Instant now = Instant.now();
    IdentityWiring.of(wiring).customers().create(new Customer(CUSTOMER, new CustomerDetails("Uren Klant B.V.",
        List.of("uren-klant.example.test"), SlaTier.BRONS, Language.NL, Optional.empty()), now, now, 1));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  @Order(1)
  void anAgentsTimeReachesTheCustomersMeterAndTheEightyPercentWarningIsMailedOnce() throws Exception {
    String admin = accounts.idToken("beheer@provider-uren.example.test", "Bea Beheer", new Membership.ProviderStaff(Role.PROVIDER_ADMIN));
    String agent = accounts.idToken("sem@provider-uren.example.test", "Sem Servicedesk", new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    String iris = iris();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    HttpResponse<String> created = post("/customers/" + CUSTOMER.value() + "/hour-bundles", admin,
        "{\"minutes\":120,\"validFrom\":\"" + today.minusDays(10) + "\",\"validUntil\":\"" + today.plusDays(200)
            + "\",\"price\":190.00}");
    assertEquals(201, created.statusCode(), created.body());
    String bundle = JSON.readTree(created.body()).path("bundle").path("id").asText();
    assertEquals(200, post("/customers/" + CUSTOMER.value() + "/hour-bundles/" + bundle + "/activate", admin, "").statusCode());

    HttpResponse<String> logged = post("/customers/" + CUSTOMER.value() + "/time-registrations", agent,
        "{\"date\":\"" + today + "\",\"minutes\":100,\"type\":\"bundle\",\"description\":\"Server gepatcht\","
            + "\"internalNote\":\"Reboot om 22:00\"}");
    assertEquals(201, logged.statusCode(), logged.body());

    JsonNode meter = json(gateway.get("/hour-bundles", iris));
    assertEquals(15, meter.path("activeMinutesRemaining").asInt(), meter.toString()); // 100 → 105 (a quarter), of 120
    JsonNode list = json(gateway.get("/time-registrations?from=" + today.withDayOfMonth(1) + "&to=" + today, iris));
    assertEquals("Server gepatcht", list.path("entries").get(0).path("description").asText());
    assertTrue(list.path("entries").get(0).path("internalNote").isMissingNode(), "the customer never sees the internal note");
    assertEquals(105, list.path("totals").path("minutes").asInt());
    for (String format : List.of("pdf", "xlsx")) {
      HttpResponse<String> export = gateway.get("/time-registrations/export?format=" + format + "&from=" + today.withDayOfMonth(1)
          + "&to=" + today, iris);
      assertEquals(200, export.statusCode(), export.body());
      assertTrue(export.body().startsWith("pdf".equals(format) ? "%PDF-" : "PK"), "the shrunk artefact writes the " + format);
    }

    long since = Instant.now().getEpochSecond() - 1;
    JsonNode first = notices(Instant.now().plus(Duration.ofMinutes(1)));
    assertEquals(1, first.path("mailsSent").asInt(), first.toString());
    notices(Instant.now().plus(Duration.ofMinutes(2)));
    List<JsonNode> mails = mailStore.await(m -> m.stream().anyMatch(x -> x.path("subject").asText().contains("% verbruikt")),
        Duration.ofMinutes(1));
    List<JsonNode> warnings = MailStore.to(mails, IRIS).stream()
        .filter(m -> m.path("subject").asText().equals("Uw urenbundel is voor 87% verbruikt")).toList(); // 105 of 120 minutes
    assertEquals(1, warnings.size(), "one warning, however often the job runs");
    assertFalse(mailStore.since(since).stream().anyMatch(m -> m.path("destination").toString().contains("provider-uren")),
        "only the customer's admins hear about their hours");
  }

  @Test
  @Order(2)
  void extraHoursACustomerAdminRequestsBecomeAnOrderedBundle() throws Exception {
    String iris = iris();
    HttpResponse<String> raised = post("/tickets", iris, "{\"type\":\"service-request\",\"category\":\"hours\","
        + "\"title\":\"Extra uren voor de migratie\",\"description\":\"Onze bundel raakt op.\","
        + "\"requestType\":\"extra-hours\",\"answers\":{\"hours\":6}}");
    assertEquals(201, raised.statusCode(), raised.body());
    JsonNode ticket = JSON.readTree(raised.body());
    assertEquals("approved", ticket.path("approval").asText(), "her raising it approves it");
    long number = ticket.path("number").asLong();
    JsonNode ordered = Poll.until(() -> json(gateway.get("/hour-bundles", iris)),
        hours -> orderedFor(hours, number).isPresent(), Duration.ofSeconds(30), JsonNode::toString);
    JsonNode bundle = orderedFor(ordered, number).orElseThrow();
    assertEquals("pending", bundle.path("status").asText(), bundle.toString());
    assertEquals(360, bundle.path("minutesBought").asInt(), bundle.toString());
  }

  /** Iris, the customer's admin: her account is made once, at the first test that needs her. */
  private static synchronized String iris() throws Exception {
    if (irisToken == null) {
      irisToken = accounts.idToken(IRIS, "Iris Klant", new Membership.CustomerMember(CUSTOMER, Role.CUSTOMER_ADMIN));
    }
    return irisToken;
  }

  private static Optional<JsonNode> orderedFor(JsonNode hours, long ticket) {
    for (JsonNode bundle : hours.path("bundles")) {
      if (bundle.path("requestTicket").asLong() == ticket) {
        return Optional.of(bundle);
      }
    }
    return Optional.empty();
  }

  private static HttpResponse<String> post(String path, String token, String body) throws Exception {
    return gateway.send(gateway.request(path, token).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** HourNoticesFunction through the local Lambda Invoke API, with the sample scheduled event at {@code time}. */
  private static JsonNode notices(Instant time) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(SamTemplate.projectRoot()
        .resolve("events/billing/hour-notices/scheduled.json")));
    event.put("time", time.toString());
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().lambda()
            + "/2015-03-31/functions/HourNoticesFunction/invocations"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.headers().firstValue("X-Amz-Function-Error").isEmpty(), answer.body());
    return JSON.readTree(answer.body());
  }
}
