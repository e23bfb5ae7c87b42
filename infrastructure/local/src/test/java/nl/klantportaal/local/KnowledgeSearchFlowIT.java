package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.domain.Visibility;
import nl.klantportaal.knowledge.search.wiring.SearchWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge search end to end through the local gateway of the real template.yaml, its JWT authorizer and the
 * shrunk knowledge-lambda.jar (docs/knowledge.md): articles put into the index as the article side will, then the
 * public search, the signed-in search per customer, a suggestion opened and the figures for provider staff.
 */
class KnowledgeSearchFlowIT {
  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static GatewayClient gateway;
  private static SignIn signIn;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    SearchWiring.of(TestClouds.wiring(cloud, "KnowledgeSearchFunction")).index().putAll(List.of(
        article("kb-printer", "printer-werkt-niet", "Printer print niet: de eerste stappen",
            "Afdrukken blijven in de wachtrij hangen.", Visibility.PUBLIC, ""),
        article("kb-vpn", "vpn-verbinding-valt-weg", "VPN maakt geen verbinding",
            "Oplossingen als de VPN-client niet verbindt.", Visibility.CUSTOMERS, ""),
        article("kb-kassa", "kassa-printer-bakkerij", "De bonprinter van de kassa",
            "De bonprinter van de bakkerij print niet.", Visibility.CUSTOMER, "demo-bakkerij")));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static SearchDocument article(String id, String slug, String title, String summary, Visibility visibility, String customer) {
    return new SearchDocument(id, slug, SearchLanguage.NL, title, summary, summary + " " + title, List.of(), "cat-howto",
        visibility, customer);
  }

  private static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> slugs(JsonNode answer) {
    List<String> slugs = new ArrayList<>();
    answer.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
    return slugs;
  }

  @Test
  void everyReaderFindsWhatTheyMayReadAndASuggestionIsCounted() throws Exception {
    JsonNode anonymous = json(gateway.get("/public/kb/search?lang=nl&q=" + query("printers printen niet"), null));
    assertEquals(List.of("printer-werkt-niet"), slugs(anonymous), anonymous.toString());
    assertTrue(slugs(json(gateway.get("/public/kb/search?lang=nl&q=vpn", null))).isEmpty(), "customers only");
    assertEquals(400, gateway.get("/public/kb/search?lang=nl", null).statusCode());

    String jan = signIn.demo("jan@acme.example.test");
    assertEquals(List.of("vpn-verbinding-valt-weg"), slugs(json(gateway.get("/kb/search?lang=nl&q=vpn", jan))));
    assertFalse(slugs(json(gateway.get("/kb/search?lang=nl&q=bonprinter", jan))).contains("kassa-printer-bakkerij"));
    String wendy = signIn.demo("winkel@bakkerij.example.test");
    assertEquals(List.of("kassa-printer-bakkerij"), slugs(json(gateway.get("/kb/search?lang=nl&q=bonprinter", wendy))));
    assertEquals(401, gateway.get("/kb/search?lang=nl&q=vpn", null).statusCode());

    JsonNode suggested = json(gateway.get("/kb/suggestions?lang=nl&title=" + query("Printer op kantoor print niet"), jan));
    assertEquals("printer-werkt-niet", slugs(suggested).get(0), suggested.toString());
    String opened = "/kb/suggestions/" + suggested.path("suggestionId").asText() + "/opened";
    assertEquals(204, gateway.post(opened, "{\"articleId\":\"kb-printer\"}", jan).statusCode());
    assertEquals(404, gateway.post(opened, "{\"articleId\":\"kb-printer\"}", wendy).statusCode(), "not hers");

    String petra = signIn.demo("beheer@provider.example.test");
    JsonNode stats = json(gateway.get("/kb/search/stats", petra));
    JsonNode printer = stats.path("items").get(0);
    assertEquals("kb-printer", printer.path("articleId").asText(), stats.toString());
    assertEquals(1, printer.path("shown").asLong());
    assertEquals(1, printer.path("opened").asLong());
    assertEquals(1, stats.path("undecided").asLong(), "its 30 minutes run from now");
    assertEquals(403, gateway.get("/kb/search/stats", jan).statusCode());
  }
}
