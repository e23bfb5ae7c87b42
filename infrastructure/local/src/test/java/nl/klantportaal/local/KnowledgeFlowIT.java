package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
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
    List<String> names = new ArrayList<>();
    categories.path("items").forEach(c -> names.add(c.path("names").path("nl").asText()));
    assertTrue(names.containsAll(List.of("Algemeen", "Administratie")), names.toString());
    assertFalse(names.contains("Domeinregistratie"), "its only article is a draft");

    List<String> listed = slugs(json(gateway.get("/public/kb/articles?lang=en", null)));
    assertEquals(List.of("facturen-betalen-met-ideal", "twee-factor-authenticatie-inschakelen"), listed);

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
    List<String> acme = slugs(json(gateway.get("/kb/articles", signIn.demo("jan@acme.example.test"))));
    assertTrue(acme.containsAll(List.of("acme-vpn-verbinden", "mailbox-vol-microsoft-365", "facturen-betalen-met-ideal")),
        acme.toString());
    assertFalse(acme.contains("dns-records-aanvragen"));
    List<String> bakkerij = slugs(json(gateway.get("/kb/articles", signIn.demo("winkel@bakkerij.example.test"))));
    assertTrue(bakkerij.contains("mailbox-vol-microsoft-365"));
    assertFalse(bakkerij.contains("acme-vpn-verbinden"), "one customer's article stays its own");
    List<String> staff = slugs(json(gateway.get("/kb/articles", signIn.demo("servicedesk@provider.example.test"))));
    assertTrue(staff.contains("dns-records-aanvragen"), "staff see the draft");
  }
}
