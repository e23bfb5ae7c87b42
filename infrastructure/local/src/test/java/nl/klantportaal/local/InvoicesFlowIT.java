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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invoices end to end on the local cloud of the real template.yaml: a provider admin keeps a
 * customer's invoicing details, drafts last month and finalises it through the gateway; the customer
 * admin lists it and downloads its PDF from the invoices bucket (s3proxy) through the presigned link;
 * the invoice arrives in aws-ses-v2-local with the PDF attached, and a failed collection's mail
 * (the seed's subject) arrives from the administrative sender.
 */
class InvoicesFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TenantId CUSTOMER = new TenantId("factuur-klant");
  private static final String FREEK = "freek@factuur-klant.example.test";

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
    IdentityWiring.of(wiring).customers().create(new Customer(CUSTOMER, new CustomerDetails("Factuur Klant B.V.",
        List.of("factuur-klant.example.test"), SlaTier.BRONS, Language.NL, Optional.empty()), now, now, 1));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void anInvoiceIsFinalisedDownloadedAndMailedAndAFailedCollectionIsMailedFromTheAdministrativeSender() throws Exception {
    String admin = accounts.idToken("beheer@provider-factuur.example.test", "Bea Beheer",
        new Membership.ProviderStaff(Role.PROVIDER_ADMIN));
    String freek = accounts.idToken(FREEK, "Freek Klant", new Membership.CustomerMember(CUSTOMER, Role.CUSTOMER_ADMIN));
    String base = "/customers/" + CUSTOMER.value();
    HttpResponse<String> profile = send("PUT", base + "/invoice-profile", admin, "{\"address\":[\"Factuur Klant B.V.\","
        + "\"Kerkstraat 1\",\"1234 AB Ergens\"],\"vatId\":\"NL812345678B01\",\"vatRate\":\"21\",\"paymentTermDays\":14,"
        + "\"version\":0}");
    assertEquals(200, profile.statusCode(), profile.body());
    YearMonth last = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1);
    HttpResponse<String> drafted = send("POST", base + "/invoices", admin, "{\"from\":\"" + last.atDay(1) + "\",\"to\":\""
        + last.atEndOfMonth() + "\",\"lines\":[{\"description\":\"Migratie naar Microsoft 365\",\"quantity\":4,"
        + "\"unit\":\"hour\",\"unitPrice\":95.00,\"vatRate\":\"21\"}]}");
    assertEquals(201, drafted.statusCode(), drafted.body());
    String id = JSON.readTree(drafted.body()).path("id").asText();
    assertEquals(0, json(gateway.get("/invoices", freek)).path("invoices").size(), "a draft is the provider's");

    long since = Instant.now().getEpochSecond() - 1;
    HttpResponse<String> finalised = send("POST", base + "/invoices/" + id + "/finalise", admin, "{\"version\":0}");
    assertEquals(200, finalised.statusCode(), finalised.body());
    JsonNode invoice = JSON.readTree(finalised.body());
    String number = invoice.path("number").asText();
    assertEquals("459.80", invoice.path("totals").path("total").asText(), "4 × 95.00 = 380.00 + 21 % VAT 79.80");

    JsonNode own = json(gateway.get("/invoices", freek)).path("invoices");
    assertEquals(number, own.get(0).path("number").asText());
    String url = json(gateway.get("/invoices/" + id + "/document", freek)).path("url").asText();
    HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    try (var document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains(number) && text.contains("Migratie naar Microsoft 365") && text.contains("459,80"), text);
    }

    List<JsonNode> issued = mailStore.await(m -> MailStore.to(m, FREEK).stream()
        .anyMatch(x -> x.path("subject").asText().startsWith("Factuur " + number)), Duration.ofMinutes(1));
    JsonNode mail = MailStore.to(issued, FREEK).stream().filter(x -> x.path("subject").asText().startsWith("Factuur " + number))
        .findFirst().orElseThrow();
    assertTrue(mail.path("from").asText().contains("administratie@"), mail.path("from").asText());
    assertEquals("factuur-" + number + ".pdf", mail.path("attachments").get(0).path("filename").asText());

    assertEquals(200, send("POST", base + "/invoices/" + id + "/status", admin, "{\"status\":\"in-collection\",\"version\":1}")
        .statusCode());
    assertEquals(200, send("POST", base + "/invoices/" + id + "/status", admin,
        "{\"status\":\"collection-failed\",\"version\":2}").statusCode());
    List<JsonNode> mails = mailStore.await(m -> m.stream()
        .anyMatch(x -> x.path("subject").asText().equals("Notificatie e-mail voor mislukte incasso")), Duration.ofMinutes(1));
    List<JsonNode> failed = MailStore.to(mails, FREEK).stream()
        .filter(m -> m.path("subject").asText().equals("Notificatie e-mail voor mislukte incasso")).toList();
    assertEquals(1, failed.size());
    assertTrue(failed.getFirst().path("from").asText().contains("administratie@"), failed.getFirst().path("from").asText());
    assertFalse(mailStore.since(since).stream().anyMatch(m -> m.path("destination").toString().contains("provider-factuur")),
        "the provider's staff get no invoice mail");

    // The single invoice as the customer and as staff, the staff's document link, and a credit invoice for it
    assertEquals(number, json(gateway.get("/invoices/" + id, freek)).path("number").asText());
    assertEquals(number, json(gateway.get(base + "/invoices/" + id, admin)).path("number").asText());
    assertTrue(json(gateway.get(base + "/invoices/" + id + "/document", admin)).path("url").asText().startsWith("http"));
    HttpResponse<String> credited = gateway.send(gateway.request(base + "/invoices/" + id + "/credit", admin)
        .header("idempotency-key", "credit-" + id).POST(HttpRequest.BodyPublishers.ofString("{\"version\":3}")));
    assertEquals(201, credited.statusCode(), credited.body());
    assertEquals("-459.80", JSON.readTree(credited.body()).path("totals").path("total").asText(), credited.body());
  }

  @Test
  void aDraftsLinesAreRevisedAndADraftIsDiscarded() throws Exception {
    String admin = accounts.idToken("concept@provider-factuur.example.test", "Cor Concept",
        new Membership.ProviderStaff(Role.PROVIDER_ADMIN));
    String base = "/customers/" + CUSTOMER.value();
    YearMonth last = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1);
    String line = "{\"description\":\"Werkplekbeheer\",\"quantity\":2,\"unit\":\"hour\",\"unitPrice\":95.00,\"vatRate\":\"21\"}";
    HttpResponse<String> drafted = send("POST", base + "/invoices", admin, "{\"from\":\"" + last.atDay(1) + "\",\"to\":\""
        + last.atEndOfMonth() + "\",\"lines\":[" + line + "]}");
    assertEquals(201, drafted.statusCode(), drafted.body());
    String id = JSON.readTree(drafted.body()).path("id").asText();
    HttpResponse<String> revised = send("PUT", base + "/invoices/" + id + "/lines", admin, "{\"version\":0,\"lines\":[" + line + ","
        + line.replace("Werkplekbeheer", "Licenties") + "]}");
    assertEquals(200, revised.statusCode(), revised.body());
    assertEquals("459.80", JSON.readTree(revised.body()).path("totals").path("total").asText(), "2 lines of 2 × 95.00 + 21 % VAT");
    assertEquals("draft", json(gateway.get(base + "/invoices/" + id, admin)).path("status").asText(), "staff read a draft");
    HttpResponse<String> discarded = send("POST", base + "/invoices/" + id + "/discard", admin, "{\"version\":1}");
    assertEquals(204, discarded.statusCode(), discarded.body());
    assertEquals(404, gateway.get(base + "/invoices/" + id, admin).statusCode(), "a discarded draft is gone");
  }

  private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    return gateway.send(gateway.request(path, token).header("content-type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }
}
