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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base end to end through the local gateway of the real template.yaml (docs/knowledge.md), on the
 * demo data: public reading without a token (and nothing but public articles), a read and a vote counted once
 * for the same visitor, the signed-in twins with visibility from real cognito-local tokens.
 */
class KnowledgeFlowIT {
  private static final String PUBLIC_ARTICLE = "/public/kb/articles/twee-factor-authenticatie-inschakelen";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static GatewayClient gateway;
  private static SignIn signIn;

  /** The demo's published public articles and the categories that hold one, from the file the demo seeding reads. */
  private static final Set<String> PUBLIC_SLUGS = new TreeSet<>();
  private static final Set<String> PUBLIC_CATEGORIES = new TreeSet<>();

  @BeforeAll
  static void start() throws IOException {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    try (InputStream in = KnowledgeFlowIT.class.getResourceAsStream(DemoKnowledge.RESOURCE)) {
      for (JsonNode article : new ObjectMapper().readTree(in).get("articles")) {
        if (article.get("visibility").asText().equals("public") && article.path("state").asText().equals("published")) {
          PUBLIC_SLUGS.add(article.get("slug").asText());
          PUBLIC_CATEGORIES.add(article.get("categoryId").asText());
        }
      }
    }
  }

  /** Every page of a list, following its cursor. */
  private static List<String> allSlugs(String path, String token) throws Exception {
    List<String> slugs = new ArrayList<>();
    String cursor = "";
    do {
      String query = cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      JsonNode page = json(gateway.get(path + query, token));
      slugs.addAll(slugs(page));
      cursor = page.path("cursor").asText("");
    } while (!cursor.isEmpty());
    return slugs;
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
    return slugs;
  }

  @Test
  void anyoneReadsPublicArticlesWithoutATokenAndTheSameVisitorCountsOnce() throws Exception {
    JsonNode categories = json(gateway.get("/public/kb/categories?lang=nl", null));
    Set<String> listedCategories = new TreeSet<>();
    categories.path("items").forEach(c -> listedCategories.add(c.path("categoryId").asText()));
    assertEquals(PUBLIC_CATEGORIES, listedCategories, "exactly the categories that hold a published public article");

    List<String> listed = allSlugs("/public/kb/articles?lang=en", null);
    assertEquals(PUBLIC_SLUGS, new TreeSet<>(listed), "every published public article, and nothing else");
    assertEquals(PUBLIC_SLUGS.size(), listed.size(), "each once");

    JsonNode article = json(gateway.get(PUBLIC_ARTICLE + "?lang=de", null));
    assertEquals("de", article.path("language").asText());
    assertTrue(article.path("bodyHtml").asText().contains("<ol>"), article.toString());
    assertEquals("/#/kb/a/twee-factor-authenticatie-inschakelen", article.path("shareUrl").asText());
    gateway.get(PUBLIC_ARTICLE + "?lang=nl", null);
    assertEquals(204, gateway.post(PUBLIC_ARTICLE + "/votes", "{\"helpful\":true}", null).statusCode());
    assertEquals(204, gateway.post(PUBLIC_ARTICLE + "/votes", "{\"helpful\":false}", null).statusCode());
    assertEquals(404, gateway.get("/public/kb/articles/acme-vpn-verbinden", null).statusCode());
    assertEquals(404, gateway.get("/public/kb/articles/dns-records-aanvragen", null).statusCode());

    String agent = signIn.demo("servicedesk@provider.example.test");
    JsonNode stats = json(gateway.get("/kb/stats?lang=nl", agent));
    JsonNode line = null;
    for (JsonNode item : stats.path("items")) {
      if (item.path("slug").asText().equals("twee-factor-authenticatie-inschakelen")) {
        line = item;
      }
    }
    assertEquals(1, line.path("reads").asLong(), "one visitor (the same address and browser) on one day: one read");
    assertEquals(1, line.path("helpful").path("yes").asLong());
    assertEquals(0, line.path("helpful").path("no").asLong());
    assertEquals("few", line.path("readerBand").asText());
  }

  @Test
  void signedInUsersReadWhatTheirCustomerMayAndStaffSeeDrafts() throws Exception {
    assertEquals(401, gateway.get("/kb/articles", null).statusCode());
    List<String> acme = allSlugs("/kb/articles?lang=nl", signIn.demo("jan@acme.example.test"));
    assertTrue(acme.containsAll(List.of("acme-vpn-verbinden", "mailbox-vol-microsoft-365", "facturen-betalen-met-ideal")),
        acme.toString());
    assertFalse(acme.contains("dns-records-aanvragen"));
    List<String> bakkerij = allSlugs("/kb/articles?lang=nl", signIn.demo("winkel@bakkerij.example.test"));
    assertTrue(bakkerij.contains("mailbox-vol-microsoft-365"));
    assertFalse(bakkerij.contains("acme-vpn-verbinden"), "one customer's article stays its own");
    List<String> staff = allSlugs("/kb/articles?lang=nl", signIn.demo("servicedesk@provider.example.test"));
    assertTrue(staff.contains("dns-records-aanvragen"), "staff see the draft");
  }
}
