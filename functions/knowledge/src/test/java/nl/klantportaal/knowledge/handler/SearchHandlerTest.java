package nl.klantportaal.knowledge.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.search.DemoCorpus;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.domain.Visibility;
import nl.klantportaal.knowledge.search.wiring.SearchWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The search routes from their events/knowledge/search samples, over the demo corpus indexed through SearchIndex. */
class SearchHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final String JAN = "0a1b2c3d-0000-4000-8000-0000000c0001";
  private LocalDynamoDb dynamoDb;
  private String tableName;
  private KernelWiring wiring;
  private SearchHandler handler;

  @BeforeEach
  void indexTheDemoCorpus() {
    dynamoDb = LocalDynamoDb.shared();
    tableName = dynamoDb.createPortalTable();
    wiring = wiringAt(NOW);
    SearchWiring.of(wiring).index().putAll(DemoCorpus.documents());
    handler = new SearchHandler(wiring);
  }

  private KernelWiring wiringAt(Instant now) {
    return new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, tableName)), Clock.fixed(now, ZoneOffset.UTC));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("knowledge/search/" + fixture));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("knowledge-search"));
  }

  private static List<String> slugs(JsonNode answer) {
    List<String> slugs = new ArrayList<>();
    answer.get("items").forEach(item -> slugs.add(item.get("slug").asText()));
    return slugs;
  }

  @Test
  void theReaderFindsThePasswordArticleInTheirLanguageRankedFirst() {
    JsonNode answer = HttpEvents.ok(call("public-search.json"));
    assertEquals("wachtwoord-herstellen", slugs(answer).get(0));
    JsonNode first = answer.get("items").get(0);
    assertEquals("kb-wachtwoord-herstellen", first.get("articleId").asText());
    assertEquals("Wachtwoord vergeten? Zo herstelt u het", first.get("title").asText());
    assertEquals("cat-general", first.get("categoryId").asText());
    assertTrue(first.get("score").asDouble() > 0);
    assertTrue(answer.get("items").size() <= 5);

    var english = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "q", "forgot my password");
    JsonNode inEnglish = HttpEvents.ok(call(HttpEvents.withQuery(english, "lang", "en")));
    assertEquals("Forgot your password? How to reset it", inEnglish.get("items").get(0).get("title").asText());
  }

  @Test
  void thePublicNeverSeesArticlesForCustomersAndACustomerSeesBoth() {
    var vpn = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "q", "VPN verbindt niet");
    assertFalse(slugs(HttpEvents.ok(call(vpn))).stream().anyMatch(s -> s.startsWith("vpn-")));
    List<String> forCustomer = slugs(HttpEvents.ok(call("search-as-customer.json")));
    assertEquals("vpn-verbinding-valt-weg", forCustomer.get(0));
  }

  @Test
  void anArticleForOneCustomerIsFoundOnlyByThatCustomerAndStaff() {
    SearchWiring.of(wiring).index().put(new SearchDocument("kb-acme-vpn", "acme-vpn-handleiding", SearchLanguage.NL,
        "VPN-handleiding voor Acme", "De VPN van Acme", "Zo gebruikt Acme de VPN.", List.of("vpn"), "cat-howto",
        Visibility.CUSTOMER, "acme-fixture"));
    SearchWiring.of(wiring).index().put(new SearchDocument("kb-other-vpn", "other-vpn-handleiding", SearchLanguage.NL,
        "VPN-handleiding voor Other", "De VPN van Other", "Zo gebruikt Other de VPN.", List.of("vpn"), "cat-howto",
        Visibility.CUSTOMER, "other-fixture"));
    var event = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/search-as-customer.json"), "q", "vpn handleiding");
    List<String> asAcme = slugs(HttpEvents.ok(call(event)));
    assertTrue(asAcme.contains("acme-vpn-handleiding"), asAcme.toString());
    assertFalse(asAcme.contains("other-vpn-handleiding"), asAcme.toString());
    var asPublic = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "q", "vpn handleiding");
    assertTrue(slugs(HttpEvents.ok(call(asPublic))).isEmpty());
  }

  @Test
  void aWithdrawnArticleIsGoneFromTheNextSearchOfAWarmHandler() {
    assertEquals("wachtwoord-herstellen", slugs(HttpEvents.ok(call("public-search.json"))).get(0));
    SearchWiring.of(wiring).index().remove("kb-wachtwoord-herstellen");
    assertFalse(slugs(HttpEvents.ok(call("public-search.json"))).contains("wachtwoord-herstellen"));
    var english = HttpEvents.withQuery(HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "lang", "en"),
        "q", "forgot password");
    assertFalse(slugs(HttpEvents.ok(call(english))).contains("wachtwoord-herstellen"));
  }

  @Test
  void badQueriesAreRefusedWithAProblem() {
    HttpEvents.assertProblem(call("search-without-query.json"), 400, "validation-failed");
    var french = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "lang", "fr");
    HttpEvents.assertProblem(call(french), 400, "invalid-parameter");
    var tooLong = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "q", "printer ".repeat(40));
    HttpEvents.assertProblem(call(tooLong), 400, "validation-failed");
    var noKnownWord = HttpEvents.withQuery(Lambda.httpEvent("knowledge/search/public-search.json"), "q", "xyzzy");
    assertEquals(0, HttpEvents.ok(call(noKnownWord)).get("items").size());
  }

  @Test
  void suggestionsAreForCustomerRolesAndStatsForProviderStaff() {
    HttpEvents.assertProblem(call("suggestions-as-agent.json"), 403, "forbidden");
    HttpEvents.assertProblem(call("stats-as-customer.json"), 403, "forbidden");
  }

  @Test
  void anOpenedSuggestionWithoutATicketWithinThirtyMinutesIsDeflected() {
    JsonNode suggested = HttpEvents.ok(call("suggestions.json"));
    assertEquals("printer-werkt-niet", slugs(suggested).get(0));
    assertTrue(suggested.get("items").size() <= 3);
    String suggestionId = suggested.get("suggestionId").asText();
    assertEquals(204, call(opened(suggestionId, "kb-printer-werkt-niet")).getStatusCode());
    assertEquals(204, call(opened(suggestionId, "kb-printer-werkt-niet")).getStatusCode(), "opening again is no error");

    JsonNode early = HttpEvents.ok(call("stats.json"));
    assertEquals(1, early.get("undecided").asLong(), "its 30 minutes have not passed");
    JsonNode printer = figures(early, "kb-printer-werkt-niet");
    assertEquals(1, printer.get("shown").asLong());
    assertEquals(1, printer.get("opened").asLong(), "opened twice counts once");
    assertEquals(0, printer.get("deflected").asLong());

    handler = new SearchHandler(wiringAt(NOW.plus(Duration.ofMinutes(31))));
    JsonNode later = HttpEvents.ok(call("stats.json"));
    assertEquals(0, later.get("undecided").asLong());
    assertEquals(1, figures(later, "kb-printer-werkt-niet").get("deflected").asLong());
    assertEquals(1, figures(HttpEvents.ok(call("stats.json")), "kb-printer-werkt-niet").get("deflected").asLong(),
        "decided once");
  }

  @Test
  void anOpenedSuggestionFollowedByATicketIsNotDeflected() {
    String suggestionId = HttpEvents.ok(call("suggestions.json")).get("suggestionId").asText();
    assertEquals(204, call(opened(suggestionId, "kb-printer-werkt-niet")).getStatusCode());
    ticketFiledBy(JAN, NOW.plus(Duration.ofMinutes(12)));
    handler = new SearchHandler(wiringAt(NOW.plus(Duration.ofHours(2))));
    JsonNode stats = HttpEvents.ok(call("stats.json"));
    assertEquals(0, figures(stats, "kb-printer-werkt-niet").get("deflected").asLong());
    assertEquals(0, stats.get("undecided").asLong());
  }

  @Test
  void onlyTheUserShownASuggestionRecordsItsArticlesAndOnlyThose() {
    String suggestionId = HttpEvents.ok(call("suggestions.json")).get("suggestionId").asText();
    HttpEvents.assertProblem(call(opened(suggestionId, "kb-domeinnaam-registreren")), 400, "validation-failed");
    HttpEvents.assertProblem(call("opened.json"), 404, "not-found");
    HttpEvents.assertProblem(call(opened("../../etc", "kb-printer-werkt-niet")), 404, "not-found");
    var otherUser = opened(suggestionId, "kb-printer-werkt-niet");
    otherUser.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", "0a1b2c3d-0000-4000-8000-0000000c0002");
    HttpEvents.assertProblem(call(otherUser), 404, "not-found");
    var noBody = opened(suggestionId, "kb-printer-werkt-niet");
    noBody.setBody("{}");
    HttpEvents.assertProblem(call(noBody), 400, "validation-failed");
  }

  private static APIGatewayV2HTTPEvent opened(String suggestionId, String articleId) {
    var event = HttpEvents.withPathParameter(Lambda.httpEvent("knowledge/search/opened.json"), "suggestionId", suggestionId);
    event.setBody("{\"articleId\":\"" + articleId + "\"}");
    return event;
  }

  private static JsonNode figures(JsonNode stats, String articleId) {
    for (JsonNode item : stats.get("items")) {
      if (item.get("articleId").asText().equals(articleId)) {
        return item;
      }
    }
    throw new AssertionError(articleId + " has no figures in " + stats);
  }

  /** A ticket header as the ticket context writes it: on GSI5 by creation, with its reporter (docs/data-model.md, 19). */
  private void ticketFiledBy(String userId, Instant at) {
    dynamoDb.client().putItem(r -> r.tableName(tableName).item(Map.of(
        Keys.PK, AttributeValue.fromS("TENANT#acme-fixture#TICKET#00000001"),
        Keys.SK, AttributeValue.fromS("PUB#TICKET"),
        Keys.GSI5PK, AttributeValue.fromS("TENANT#acme-fixture#TICKETS"),
        Keys.GSI5SK, AttributeValue.fromS(at + "#00000001"),
        "reporterId", AttributeValue.fromS(userId),
        "createdAt", AttributeValue.fromS(at.toString()))));
  }
}
