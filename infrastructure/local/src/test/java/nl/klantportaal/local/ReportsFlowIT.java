package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Monthly reports on the local cloud of the real template.yaml: the demo data's start runs the
 * monthly schedule's function for last month, the table's stream fans out and makes each demo
 * customer's report in the background (local S3), mails its admin through aws-ses-v2-local, and the
 * routes list and download it per role. A customer whose month cannot be made is retried by the
 * stream and then dead-lettered, as Lambda's on-failure destination would.
 */
class ReportsFlowIT {
  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MONTH = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1).toString();

  @Test
  void lastMonthsReportOfEachDemoCustomerIsMadeAtStartMailedToItsAdminAndReadPerRole() throws Exception {
    String ilse = DEMO.signIn().demo("it@acme.example.test");
    JsonNode list = Poll.until(() -> JSON.readTree(DEMO.gateway().get("/reports", ilse).body()),
        reports -> reports.path("reports").size() == 1, Duration.ofSeconds(90), reports -> "Acme's reports: " + reports);
    assertEquals(MONTH, list.at("/reports/0/month").asText());
    assertEquals(1, list.at("/reports/0/version").asInt());

    JsonNode link = JSON.readTree(DEMO.gateway().get("/reports/" + MONTH + "/download", ilse).body());
    assertEquals("rapportage-" + MONTH + ".pdf", link.path("fileName").asText());
    HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(link.path("url").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("attachment; filename=\"rapportage-" + MONTH + ".pdf\"", pdf.headers().firstValue("content-disposition").orElse(""));
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(document);
    }
    // Last month's demo tickets: wifi (resolved and accepted), laptop (resolved), phishing (still open).
    assertTrue(text.contains("Acme Installatietechniek B.V."), text);
    assertTrue(text.contains("Totaal 3 2 1 1"), text);
    assertTrue(text.contains("Beveiliging 1 0 0 1"), text);
    JsonNode staffLink = JSON.readTree(DEMO.gateway().get("/customers/demo-acme/reports/" + MONTH + "/download",
        DEMO.signIn().demo("servicedesk@provider.example.test")).body());
    assertEquals("rapportage-" + MONTH + ".pdf", staffLink.path("fileName").asText(), staffLink.toString());

    String bram = DEMO.signIn().demo("eigenaar@bakkerij.example.test");
    Poll.until(() -> JSON.readTree(DEMO.gateway().get("/reports", bram).body()), reports -> reports.path("reports").size() == 1,
        Duration.ofSeconds(90), reports -> "Bakkerij's reports: " + reports);
    assertEquals(403, DEMO.gateway().get("/reports", DEMO.signIn().demo("jan@acme.example.test")).statusCode(),
        "Acme has not granted its users the reports");

    MailStore mail = MailStore.of(DEMO.cloud());
    List<JsonNode> ready = mail.await("Uw maandrapportage over", mails -> mails.size() >= 2, Duration.ofSeconds(60));
    assertEquals(1, MailStore.to(ready, "it@acme.example.test").size());
    assertEquals(1, MailStore.to(ready, "eigenaar@bakkerij.example.test").size());
  }

  @Test
  void aCustomerWhoseMonthCannotBeMadeIsRetriedAndThenDeadLettered() throws Exception {
    KernelWiring wiring = TestClouds.wiring(DEMO.cloud(), "UsersFunction");
    TenantId broken = new TenantId("kapotte-klant");
    Instant now = Instant.now();
    IdentityWiring.of(wiring).customers().create(new Customer(broken, new CustomerDetails("Kapotte Klant B.V.",
        List.of("kapot.example.test"), SlaTier.KOPER, Language.NL, Optional.empty()), now, now, 1));
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.ticket(broken, 1)), Keys.SK, AttributeValue.fromS(Keys.TICKET_SK),
        "type", AttributeValue.fromS("Ticket"), Keys.GSI5PK, AttributeValue.fromS(Keys.tenantTickets(broken)),
        Keys.GSI5SK, AttributeValue.fromS(MONTH + "-05T09:00:00Z#00000001"), "priority", AttributeValue.fromS("urgent!!"))));

    String petra = DEMO.signIn().demo("beheer@provider.example.test");
    HttpResponse<String> accepted = DEMO.gateway().post("/customers/kapotte-klant/reports/" + MONTH + "/regenerate", "", petra);
    assertEquals(202, accepted.statusCode(), accepted.body());

    Path folder = DEMO.cloud().deadLetters().folder("ReportJobsFunction");
    Path letter = Poll.until(() -> first(folder), Optional::isPresent, Duration.ofSeconds(120),
        none -> "no dead letter in " + folder).orElseThrow();
    JsonNode deadLetter = JSON.readTree(letter.toFile());
    assertEquals("RetryAttemptsExhausted", deadLetter.path("requestContext").path("condition").asText());
    assertEquals(DEMO.cloud().names().getAtt("ReportFailuresQueue", "Arn"), deadLetter.path("destination").asText());
    assertEquals("TENANT#kapotte-klant", deadLetter.at("/records/0/dynamodb/NewImage/PK/S").asText());
    assertEquals(403, DEMO.gateway().post("/customers/kapotte-klant/reports/" + MONTH + "/regenerate", "",
        DEMO.signIn().demo("servicedesk@provider.example.test")).statusCode(), "agents do not regenerate");
  }

  private static Optional<Path> first(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).findFirst();
    }
  }
}
