package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's files and the local cloud's own {@code /config.json} (docs/portal.md, "Configuration and deploying the site"). */
class StaticSiteTest {

  @TempDir
  Path portal;

  @Test
  void configJsonIsTheLocalCloudsOwnNotAFileOfThePortal() throws Exception {
    Files.writeString(portal.resolve("index.html"), "<!doctype html>");
    Files.writeString(portal.resolve("config.json"), "{\"apiBase\":\"https://stale.example\"}");
    StaticSite site = new StaticSite(portal, Map.of("apiBase", "", "providerName", "Voorbeeld IT"));

    ApiResponse config = site.serve("GET", "/config.json");
    assertEquals(200, config.status());
    assertEquals(List.of("application/json"), config.headers().get("content-type"));
    assertEquals(List.of("no-cache"), config.headers().get("cache-control"));
    JsonNode json = new ObjectMapper().readTree(config.body());
    assertEquals("", json.path("apiBase").asText("missing"));
    assertEquals("Voorbeeld IT", json.path("providerName").asText());
    assertEquals(200, site.serve("GET", "/").status(), "index.html for the folder");

    assertEquals(404, new StaticSite(portal).serve("GET", "/config.json").status(),
        "without a configuration none, so the portal calls the API on its own origin");
  }

  @Test
  void openApiYamlIsTheApiDocumentBesideTheTemplateAndNotFoundWithoutOne() throws Exception {
    Path document = SamTemplate.projectRoot().resolve("docs/openapi.yaml");
    StaticSite site = new StaticSite(portal, Map.of(), java.util.Optional.of(document));
    ApiResponse answer = site.serve("GET", "/openapi.yaml");
    assertEquals(200, answer.status());
    assertEquals(List.of("application/yaml"), answer.headers().get("content-type"));
    assertEquals(Files.readString(document), new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(404, new StaticSite(portal, Map.of(), java.util.Optional.of(portal.resolve("openapi.yaml")))
        .serve("GET", "/openapi.yaml").status(), "no document, no answer");
    assertEquals(404, new StaticSite(portal).serve("GET", "/openapi.yaml").status());
  }

  @Test
  void theProjectTemplatesDefaultsAreTheLocalConfiguration() {
    SamTemplate template = SamTemplate.project();
    Intrinsics intrinsics = new Intrinsics(template, new Intrinsics.Names() {
      @Override
      public String ref(String logicalId) {
        return "local-" + logicalId;
      }

      @Override
      public String getAtt(String logicalId, String attribute) {
        return logicalId + "." + attribute;
      }
    });
    Map<String, Object> config = StaticSite.localConfig(template, intrinsics);
    assertEquals("", config.get("apiBase"));
    assertEquals(AwsClients.REGION, config.get("region"));
    assertEquals("local-UserPool", config.get("userPoolId"));
    assertEquals("local-UserPoolClient", config.get("clientId"));
    assertEquals("Klantportaal", config.get("providerName"));
    assertEquals(Map.of("primary", "#0b5394", "accent", "#00695c"), config.get("colours"));
  }
}
