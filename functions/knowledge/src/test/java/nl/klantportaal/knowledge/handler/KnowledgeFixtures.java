package nl.klantportaal.knowledge.handler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.usecase.ArticleInput;
import nl.klantportaal.knowledge.article.usecase.CategoryInput;
import nl.klantportaal.knowledge.wiring.ArticleWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;

/** A fresh table with the knowledge base of the events/knowledge samples: one category and articles of each visibility. */
public final class KnowledgeFixtures {
  public static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  public static final Caller AGENT = new Caller(new UserId("0a1b2c3d-0000-4000-8000-0000000a0001"), Optional.empty(),
      Role.PROVIDER_AGENT, true, Optional.empty());
  public static final Caller ADMIN = new Caller(new UserId("0a1b2c3d-0000-4000-8000-00000000ad01"), Optional.empty(),
      Role.PROVIDER_ADMIN, true, Optional.empty());

  private KnowledgeFixtures() {}

  /** A fresh table with the customers the samples name ({@code acme-fixture}, {@code globex-fixture}). */
  public static KernelWiring freshWiring(Clock clock) {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        clock);
    for (TenantId id : List.of(new TenantId("acme-fixture"), new TenantId("globex-fixture"))) {
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value(),
          List.of(id.value() + ".example.test"), SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    }
    return wiring;
  }

  public static KernelWiring freshWiring() {
    return freshWiring(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The category {@code cat-microsoft-365}. */
  public static void category(ArticleWiring kb) {
    kb.manageCategories().create(ADMIN, "cat-microsoft-365", new CategoryInput("microsoft-365",
        new TextInput("Microsoft 365", "Microsoft 365", "Microsoft 365"), 60, null));
  }

  /** An article in {@code cat-microsoft-365}, published when asked. */
  public static Article article(ArticleWiring kb, String slug, String visibility, String customerId, boolean publish) {
    Article draft = kb.manageArticles().create(AGENT, new ArticleInput("cat-microsoft-365", visibility, customerId,
        List.of("m365"), Map.of("nl", new ArticleInput.LanguageText("Titel van " + slug, "Samenvatting van " + slug,
            "Tekst van **" + slug + "** met <script>alert(1)</script>."),
            "en", new ArticleInput.LanguageText("Title of " + slug, "Summary of " + slug, "Text of " + slug)), null, slug));
    return publish ? kb.manageArticles().publish(AGENT, draft.articleId()) : draft;
  }
}
