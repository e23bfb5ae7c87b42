package nl.klantportaal.knowledge.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.wiring.ArticleWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KnowledgeFunction's routes from their events/knowledge samples on DynamoDB Local: public reading without a
 * token, the signed-in twins with visibility from the claims, the staff's management with versions and audit.
 */
class KnowledgeHandlerTest {
  private KernelWiring wiring;
  private ArticleWiring kb;
  private KnowledgeHandler handler;
  private Article publicArticle;
  private Article acmeArticle;
  private Article draft;
  private Article staffArticle;

  @BeforeEach
  void seed() {
    wiring = KnowledgeFixtures.freshWiring();
    kb = ArticleWiring.of(wiring);
    KnowledgeFixtures.category(kb);
    handler = new KnowledgeHandler(wiring);
  }

  private void articles() {
    publicArticle = KnowledgeFixtures.article(kb, "wachtwoord-herstellen", "public", null, true);
    acmeArticle = KnowledgeFixtures.article(kb, "acme-vpn-instellen", "customer", "acme-fixture", true);
    KnowledgeFixtures.article(kb, "alle-klanten-facturen", "customers", null, true);
    staffArticle = KnowledgeFixtures.article(kb, "intern-draaiboek", "staff", null, true);
    draft = KnowledgeFixtures.article(kb, "nog-niet-klaar", "public", null, false);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("knowledge/knowledge/" + fixture));
  }

  private APIGatewayV2HTTPResponse call(String fixture, String parameter, String value) {
    return call(HttpEvents.withPathParameter(Lambda.httpEvent("knowledge/knowledge/" + fixture), parameter, value));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("knowledge"));
  }

  private static List<String> slugs(JsonNode items) {
    List<String> slugs = new ArrayList<>();
    items.forEach(item -> slugs.add(item.get("slug").asText()));
    return slugs;
  }

  @Test
  void anyoneReadsPublicArticlesWithASafeBodyAndAShareLink() {
    articles();
    JsonNode categories = HttpEvents.ok(call("public-categories.json")).get("items");
    assertEquals(1, categories.size());
    assertEquals("cat-microsoft-365", categories.get(0).get("categoryId").asText());
    assertEquals(1, categories.get(0).get("articleCount").asLong());

    JsonNode list = HttpEvents.ok(call("public-articles.json"));
    assertEquals(List.of("wachtwoord-herstellen"), slugs(list.get("items")));
    assertEquals("en", list.get("items").get(0).get("language").asText());
    assertFalse(list.get("items").get(0).has("bodyHtml"));

    JsonNode article = HttpEvents.ok(call("public-article.json"));
    assertEquals("Titel van wachtwoord-herstellen", article.get("title").asText());
    assertEquals("/#/kb/a/wachtwoord-herstellen", article.get("shareUrl").asText());
    assertEquals("few", article.get("readerBand").asText());
    assertEquals(List.of("nl", "en"), List.of(article.get("languages").get(0).asText(), article.get("languages").get(1).asText()));
    String body = article.get("bodyHtml").asText();
    assertTrue(body.contains("<strong>wachtwoord-herstellen</strong>"), body);
    assertFalse(body.contains("<script"), body);
    assertFalse(article.has("reads") || article.has("texts") || article.has("customerId"), "no staff fields in public");

    // Drafts, articles for customers or staff, and slugs that cannot be: not found, all alike.
    HttpEvents.assertProblem(call("public-article.json", "slug", draft.slug()), 404, "not-found");
    HttpEvents.assertProblem(call("public-article.json", "slug", acmeArticle.slug()), 404, "not-found");
    HttpEvents.assertProblem(call("public-article.json", "slug", "intern-draaiboek"), 404, "not-found");
    HttpEvents.assertProblem(call("public-article.json", "slug", "Geen Slug"), 404, "not-found");
    HttpEvents.assertProblem(call("public-article-bad-lang.json"), 400, "invalid-parameter");
  }

  @Test
  void aPublicVoteCountsOncePerVisitorADayAndABadBodyIsRefused() {
    articles();
    assertEquals(204, call("public-vote.json").getStatusCode());
    assertEquals(204, call("public-vote.json").getStatusCode());
    HttpEvents.assertProblem(call("public-vote-invalid.json"), 400, "validation-failed");
    HttpEvents.assertProblem(call("public-vote.json", "slug", draft.slug()), 404, "not-found");
    JsonNode staffView = HttpEvents.ok(call("article-as-agent.json", "articleId", publicArticle.articleId()));
    assertEquals(1, staffView.get("helpful").get("yes").asLong());
    assertEquals(0, staffView.get("helpful").get("no").asLong());
  }

  @Test
  void signedInReadersSeeWhatTheirClaimsAllow() {
    articles();
    assertEquals(List.of("acme-vpn-instellen", "alle-klanten-facturen", "wachtwoord-herstellen"),
        slugs(HttpEvents.ok(call("articles-as-customer.json")).get("items")));
    assertEquals(List.of("acme-vpn-instellen", "alle-klanten-facturen", "intern-draaiboek", "nog-niet-klaar",
        "wachtwoord-herstellen"), slugs(HttpEvents.ok(call("articles-as-agent.json")).get("items")));
    assertEquals(3, HttpEvents.ok(call("categories-as-customer.json")).get("items").get(0).get("articleCount").asLong());

    JsonNode own = HttpEvents.ok(call("article-as-customer.json", "articleId", acmeArticle.articleId()));
    assertEquals("nl", own.get("language").asText(), "German asked, Dutch is the first fallback");
    assertEquals("customer", own.get("visibility").asText());
    HttpEvents.assertProblem(call("article-as-other-customer.json", "articleId", acmeArticle.articleId()), 404, "not-found");
    HttpEvents.assertProblem(call("article-as-customer.json", "articleId", draft.articleId()), 404, "not-found");
    HttpEvents.assertProblem(call("article-as-customer.json", "articleId", "kb-bestaat-niet"), 404, "not-found");

    assertEquals(204, call("vote-as-customer.json", "articleId", acmeArticle.articleId()).getStatusCode());
    JsonNode staff = HttpEvents.ok(call("article-as-agent.json", "articleId", acmeArticle.articleId()));
    assertEquals(1, staff.get("reads").asLong(), "the customer's read; the agent's own reads are not counted");
    assertEquals(1, staff.get("helpful").get("no").asLong());
    assertEquals("Tekst van **acme-vpn-instellen** met <script>alert(1)</script>.",
        staff.get("texts").get("nl").get("bodyMarkdown").asText());
    assertEquals(2, staff.get("versions").asLong());

    HttpEvents.assertProblem(call("article-as-customer.json", "articleId", staffArticle.articleId()), 404, "not-found");
    assertEquals("staff", HttpEvents.ok(call("article-as-agent.json", "articleId", staffArticle.articleId()))
        .get("visibility").asText());
    assertEquals("draft", HttpEvents.ok(call("article-as-agent.json", "articleId", draft.articleId())).get("state").asText());
  }

  @Test
  void staffWriteDraftsChangePublishAndUnpublishEachAVersionWithItsAuditEntry() {
    var created = call("create-article.json");
    assertEquals(201, created.getStatusCode());
    JsonNode draftView = HttpEvents.json(created);
    String id = draftView.get("articleId").asText();
    assertEquals("wachtwoord-herstellen", draftView.get("slug").asText());
    assertEquals("draft", draftView.get("state").asText());
    assertEquals("/kb/articles/" + id, created.getHeaders().get("location"));

    JsonNode changed = HttpEvents.ok(call("update-article.json", "articleId", id));
    assertEquals(2, changed.get("version").asLong());
    assertEquals("acme-fixture", changed.get("customerId").asText());
    HttpEvents.assertProblem(call("update-article.json", "articleId", id), 409, "version-conflict");

    assertEquals("published", HttpEvents.ok(call("publish-article.json", "articleId", id)).get("state").asText());
    HttpEvents.assertProblem(call("publish-article.json", "articleId", id), 409, "illegal-state");
    assertEquals(200, call("article-as-customer.json", "articleId", id).getStatusCode());
    assertEquals("draft", HttpEvents.ok(call("unpublish-article.json", "articleId", id)).get("state").asText());
    HttpEvents.assertProblem(call("article-as-customer.json", "articleId", id), 404, "not-found");

    JsonNode versions = HttpEvents.ok(call("article-versions.json", "articleId", id)).get("items");
    assertEquals(4, versions.size());
    assertEquals(List.of("draft", "draft", "published", "draft"), List.of(versions.get(0).get("state").asText(),
        versions.get(1).get("state").asText(), versions.get(2).get("state").asText(), versions.get(3).get("state").asText()));
    assertEquals(KnowledgeFixtures.AGENT.userId().value(), versions.get(3).get("actor").asText());
    assertEquals(KnowledgeFixtures.AGENT.userId().value(), versions.get(3).get("actorName").asText(), "no account: its id");
    IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.staff(KnowledgeFixtures.AGENT.userId(), "sem@provider.example.test",
        new UserProfile.PersonName("Sem", "Servicedesk", "Sem Servicedesk"), Language.NL, Role.PROVIDER_AGENT, KnowledgeFixtures.NOW));
    assertEquals("Sem Servicedesk", HttpEvents.ok(call("article-versions.json", "articleId", id)).get("items").get(3)
        .get("actorName").asText(), "staff read who made a version by name");

    List<AuditRecord> audit = wiring.auditTrail().ofObject(new AuditObject("kb-article", id), PageRequest.first(10)).items();
    assertEquals(List.of("kb-article.created", "kb-article.changed", "kb-article.published", "kb-article.unpublished"),
        audit.stream().map(AuditRecord::action).sorted(java.util.Comparator.comparing(a -> List.of(
            "kb-article.created", "kb-article.changed", "kb-article.published", "kb-article.unpublished").indexOf(a))).toList());
    HttpEvents.assertProblem(call("article-versions.json", "articleId", "kb-bestaat-niet"), 404, "not-found");
  }

  @Test
  void onlyStaffWriteOnlyAdminsKeepCategoriesAndBadInputIsRefusedFieldByField() {
    HttpEvents.assertProblem(call("create-article-as-customer.json"), 403, "forbidden");
    HttpEvents.assertProblem(call("create-category-as-agent.json"), 403, "forbidden");
    var refused = call("create-article-invalid.json");
    HttpEvents.assertProblem(refused, 400, "validation-failed");
    List<String> fields = new ArrayList<>();
    HttpEvents.json(refused).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertTrue(fields.containsAll(List.of("customerId", "tags[0]", "texts.fr")), fields.toString());
    var forNobody = Lambda.httpEvent("knowledge/knowledge/create-article.json");
    forNobody.setBody(forNobody.getBody().replace("\"visibility\": \"public\"",
        "\"visibility\": \"customer\", \"customerId\": \"no-such-customer\""));
    var unknown = call(forNobody);
    HttpEvents.assertProblem(unknown, 400, "validation-failed");
    assertEquals("customerId unknown", HttpEvents.json(unknown).get("errors").get(0).get("field").asText() + " "
        + HttpEvents.json(unknown).get("errors").get(0).get("code").asText(), "an article only its customer reads names one");

    var category = call("create-category.json");
    assertEquals(201, category.getStatusCode());
    assertEquals("cat-domeinregistratie", HttpEvents.json(category).get("categoryId").asText());
    HttpEvents.assertProblem(call("create-category.json"), 409, "already-exists");
    JsonNode updated = HttpEvents.ok(call("update-category.json"));
    assertEquals(10, updated.get("order").asInt());
    assertEquals(2, updated.get("version").asLong());
    HttpEvents.assertProblem(call("update-category.json"), 409, "version-conflict");
  }

  @Test
  void staffSeeReadsBandsAndVotesPerArticle() {
    articles();
    call("public-article.json");
    call("public-vote.json");
    JsonNode items = HttpEvents.ok(call("stats.json")).get("items");
    assertEquals(5, items.size());
    JsonNode top = items.get(0);
    assertEquals("wachtwoord-herstellen", top.get("slug").asText());
    assertEquals("Title of wachtwoord-herstellen", top.get("title").asText());
    assertEquals(1, top.get("reads").asLong());
    assertEquals("few", top.get("readerBand").asText());
    assertEquals(1, top.get("helpful").get("yes").asLong());
  }
}
