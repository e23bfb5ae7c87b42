package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge search end to end through the local gateway of the real template.yaml, its JWT authorizer and the
 * shrunk knowledge-lambda.jar (docs/knowledge.md): the demo knowledge base, published through the article use cases,
 * is in the index; every reader finds only what they may read; an article staff publish through the API is found,
 * and no longer once unpublished; a suggestion opened is counted for provider staff.
 */
class KnowledgeSearchFlowIT {
  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static GatewayClient gateway;
  private static SignIn signIn;

  /** The demo articles' visibility and customer by slug, from the file the demo seeding publishes. */
  private static final Map<String, String> VISIBILITY = new HashMap<>();

  @BeforeAll
  static void start() throws IOException {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    try (InputStream in = KnowledgeSearchFlowIT.class.getResourceAsStream(DemoKnowledge.RESOURCE)) {
      for (JsonNode article : new ObjectMapper().readTree(in).get("articles")) {
        VISIBILITY.put(article.get("slug").asText(), article.get("visibility").asText()
            + (article.hasNonNull("customerSlug") ? ":demo-" + article.get("customerSlug").asText() : ""));
      }
    }
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> slugs(JsonNode answer) {
    List<String> slugs = new ArrayList<>();
    answer.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
    return slugs;
  }

  /** Every hit of every query is one the reader may read: public for anyone, customers for any customer, one customer's for that customer. */
  private static List<String> searchAs(String path, String token, String mayRead) throws Exception {
    List<String> found = new ArrayList<>();
    for (String q : List.of("vpn", "printer", "wachtwoord", "mailbox", "back-up", "factuur", "dns")) {
      List<String> hits = slugs(json(gateway.get(path + "?lang=nl&q=" + query(q), token)));
      for (String slug : hits) {
        String visibility = VISIBILITY.getOrDefault(slug, "unknown");
        assertTrue(visibility.equals("public") || mayRead.contains(visibility), slug + " (" + visibility + ") for " + mayRead);
      }
      found.addAll(hits);
    }
    return found;
  }

  @Test
  void everyReaderFindsWhatTheyMayReadAndASuggestionIsCounted() throws Exception {
    List<String> anonymous = searchAs("/public/kb/search", null, "public");
    assertTrue(anonymous.contains("printer-werkt-niet"), anonymous.toString());
    assertFalse(anonymous.contains("vpn-verbinding-valt-weg"), "customers only");
    assertEquals(400, gateway.get("/public/kb/search?lang=nl", null).statusCode());

    String jan = signIn.demo("jan@acme.example.test");
    List<String> acme = searchAs("/kb/search", jan, "customers customer:demo-acme");
    assertTrue(acme.contains("vpn-verbinding-valt-weg") && acme.contains("acme-vpn-verbinden"), acme.toString());
    String wendy = signIn.demo("winkel@bakkerij.example.test");
    List<String> bakkerij = searchAs("/kb/search", wendy, "customers customer:demo-bakkerij");
    assertTrue(bakkerij.contains("vpn-verbinding-valt-weg") && !bakkerij.contains("acme-vpn-verbinden"), bakkerij.toString());
    assertEquals(401, gateway.get("/kb/search?lang=nl&q=vpn", null).statusCode());

    JsonNode suggested = json(gateway.get("/kb/suggestions?lang=nl&title=" + query("Printer op kantoor print niet"), jan));
    assertTrue(slugs(suggested).contains("printer-werkt-niet"), suggested.toString());
    String articleId = suggested.path("items").get(0).path("articleId").asText();
    String opened = "/kb/suggestions/" + suggested.path("suggestionId").asText() + "/opened";
    assertEquals(204, gateway.post(opened, "{\"articleId\":\"" + articleId + "\"}", jan).statusCode());
    assertEquals(404, gateway.post(opened, "{\"articleId\":\"" + articleId + "\"}", wendy).statusCode(), "not hers");

    String petra = signIn.demo("beheer@provider.example.test");
    JsonNode stats = json(gateway.get("/kb/search/stats", petra));
    JsonNode figures = null;
    for (JsonNode item : stats.path("items")) {
      if (item.path("articleId").asText().equals(articleId)) {
        figures = item;
      }
    }
    assertTrue(figures != null, stats.toString());
    assertEquals(1, figures.path("shown").asLong());
    assertEquals(1, figures.path("opened").asLong());
    assertEquals(1, stats.path("undecided").asLong(), "its 30 minutes run from now");
    assertEquals(403, gateway.get("/kb/search/stats", jan).statusCode());
  }

  @Test
  void anArticleStaffPublishIsFoundAndNoLongerOnceUnpublished() throws Exception {
    String sem = signIn.demo("servicedesk@provider.example.test");
    String body = "{\"categoryId\": \"cat-general\", \"visibility\": \"public\", \"tags\": [\"zonnepanelen\"], \"texts\": "
        + "{\"nl\": {\"title\": \"Omvormer van de zonnepanelen koppelen\", \"summary\": \"Zo koppelt u de omvormer aan het wifi.\","
        + " \"bodyMarkdown\": \"Open de app van de **omvormer** en kies het netwerk.\"}}}";
    var created = gateway.post("/kb/articles", body, sem);
    assertEquals(201, created.statusCode(), created.body());
    String id = json(created).path("articleId").asText();
    String search = "/public/kb/search?lang=nl&q=" + query("omvormers koppelen");
    assertFalse(slugs(json(gateway.get(search, null))).stream().anyMatch(s -> s.startsWith("omvormer")), "a draft is not found");

    assertEquals(200, gateway.post("/kb/articles/" + id + "/publish", "", sem).statusCode());
    List<String> found = slugs(json(gateway.get(search, null)));
    assertTrue(found.stream().anyMatch(s -> s.startsWith("omvormer")), "the published article is found: " + found);

    assertEquals(200, gateway.post("/kb/articles/" + id + "/unpublish", "", sem).statusCode());
    assertFalse(slugs(json(gateway.get(search, null))).stream().anyMatch(s -> s.startsWith("omvormer")), "withdrawn");
  }
}
