package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.usecase.ArticleView;
import nl.klantportaal.knowledge.wiring.ArticleWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/** The demo knowledge base goes in through the use cases, once: the seed's categories, its articles, each visibility. */
class DemoKnowledgeTest {
  private static final Caller ADMIN = new Caller(new UserId("0a1b2c3d-0000-4000-8000-00000000ad01"), Optional.empty(),
      Role.PROVIDER_ADMIN, true, Optional.empty());
  private static final Caller AGENT = new Caller(new UserId("0a1b2c3d-0000-4000-8000-0000000a0001"), Optional.empty(),
      Role.PROVIDER_AGENT, true, Optional.empty());

  private static List<String> slugs(ArticleWiring kb, Reader reader) {
    return kb.browse().list(reader, Optional.empty(), Language.NL, PageRequest.first(100)).items().stream()
        .map(ArticleView::slug).toList();
  }

  @Test
  void seedsTheSeedsCategoriesAndArticlesOnceThroughTheUseCases() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb,
        dynamoDb.createPortalTable())), Clock.systemUTC());
    for (String id : List.of("demo-acme", "demo-bakkerij")) {   // as DemoData makes them before the knowledge base
      IdentityWiring.of(wiring).customers().create(new Customer(new TenantId(id), new CustomerDetails(id, List.of(id + ".example.test"),
          SlaTier.KOPER, Language.NL, Optional.empty()), Instant.EPOCH, Instant.EPOCH, 1));
    }
    int categories = DemoKnowledge.read().get("categories").size();
    int articles = DemoKnowledge.read().get("articles").size();
    assertEquals("  Demo knowledge base: " + categories + " categories, " + articles + " articles (Kennisbank)\n",
        DemoKnowledge.seed(wiring, ADMIN, AGENT));
    assertEquals("", DemoKnowledge.seed(wiring, ADMIN, AGENT), "a second start adds nothing");

    ArticleWiring kb = ArticleWiring.of(wiring);
    var names = kb.browse().categories(new Reader.Staff()).get("items").stream().map(c -> c.names().nl()).toList();
    assertTrue(names.containsAll(List.of("Hosting", "Artikelen en how to's", "Domeinregistratie", "Administratie", "Algemeen",
        "Microsoft 365")), names.toString());
    assertEquals(articles, slugs(kb, new Reader.Staff()).size());
    assertTrue(slugs(kb, new Reader.CustomerUser(new TenantId("demo-acme"))).contains("acme-vpn-verbinden"));
    assertTrue(!slugs(kb, new Reader.CustomerUser(new TenantId("demo-bakkerij"))).contains("acme-vpn-verbinden"));
    assertTrue(!slugs(kb, new Reader.Anonymous()).contains("dns-records-aanvragen"), "the draft stays a draft");
    ArticleView vpn = kb.browse().list(new Reader.Staff(), Optional.empty(), Language.NL, PageRequest.first(100)).items()
        .stream().filter(a -> a.slug().equals("acme-vpn-verbinden")).findFirst().orElseThrow();
    assertEquals(2, kb.history().versions(vpn.articleId()).size(), "created, then published: two versions");
    assertEquals("demo-acme", vpn.customerId().orElseThrow());
  }
}
