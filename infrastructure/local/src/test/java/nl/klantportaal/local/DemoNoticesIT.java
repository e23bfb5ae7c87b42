package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's service notices on the local cloud: last week's resolved Microsoft 365 outage at Acme with its three
 * updates, and next weekend's planned maintenance for every customer; the status page shows both without naming a
 * customer, Bakkerij's admin sees only the maintenance, and a second start adds none.
 */
class DemoNoticesIT {
  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();

  @Test
  void theDemoHasAPastOutageWithThreeUpdatesAndAPlannedMaintenance() throws Exception {
    assertTrue(DEMO.seeded().contains("Demo service notices"), DEMO.seeded());
    JsonNode page = json(DEMO.gateway().get("/public/status", null));
    assertEquals(1, page.path("past").size(), page.toString());
    JsonNode outage = page.path("past").get(0);
    assertEquals("outage", outage.path("kind").asText());
    assertEquals("Microsoft 365", outage.path("service").asText());
    assertEquals("resolved", outage.path("status").asText());
    assertEquals(3, outage.path("updates").size(), outage.toString());
    assertEquals(1, page.path("current").size(), page.toString());
    assertEquals("scheduled", page.path("current").get(0).path("status").asText());
    assertFalse(page.toString().contains("demo-acme"), "the status page names no customer");

    String ilse = DEMO.signIn().demo("it@acme.example.test");
    assertEquals(1, json(DEMO.gateway().get("/notices?state=past", ilse)).path("items").size());
    String bram = DEMO.signIn().demo("eigenaar@bakkerij.example.test");
    assertEquals(0, json(DEMO.gateway().get("/notices?state=past", bram)).path("items").size(), "the outage was Acme's");
    assertEquals(1, json(DEMO.gateway().get("/notices", bram)).path("items").size(), "the maintenance is everyone's");

    String again = DemoData.seed(DEMO.cloud()).orElseThrow();
    assertFalse(again.contains("Demo service notices"), again);
    assertEquals(1, json(DEMO.gateway().get("/public/status", null)).path("past").size());
  }
}
