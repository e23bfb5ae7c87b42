package nl.klantportaal.knowledge.article.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.adapter.accounts.AccountsCustomerCheck;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleCounts;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.port.PublishedArticles;
import nl.klantportaal.knowledge.article.usecase.ArticleInput;
import nl.klantportaal.knowledge.article.usecase.ManageArticles;
import nl.klantportaal.knowledge.handler.KnowledgeFixtures;
import nl.klantportaal.knowledge.port.CustomerCheck;
import nl.klantportaal.knowledge.wiring.ArticleWiring;
import org.junit.jupiter.api.Test;

/**
 * Article writes on DynamoDB Local: a change keeps the counters that moved meanwhile, a taken slug is numbered,
 * and the listeners (the search index's seam) hear of exactly what readers can see.
 */
class ArticleWritesTest {
  private final KernelWiring wiring = KnowledgeFixtures.freshWiring();
  private final ArticleWiring kb = ArticleWiring.of(wiring);
  private final DynamoDbArticles articles = new DynamoDbArticles(wiring.table());
  private final List<String> heard = new ArrayList<>();
  private final CustomerCheck customers = new AccountsCustomerCheck(IdentityWiring.of(wiring).customers());
  private final ManageArticles manage = new ManageArticles(articles, new DynamoDbCategories(wiring.table()),
      List.of(new PublishedArticles() {
        @Override
        public void published(Article article) {
          heard.add("published " + article.slug() + " v" + article.version());
        }

        @Override
        public void withdrawn(String articleId) {
          heard.add("withdrawn " + articles.find(articleId).orElseThrow().article().slug());
        }
      }), customers, wiring.clock());

  private static ArticleInput input(String title, Long version) {
    return new ArticleInput("cat-microsoft-365", "public", null, List.of("m365"),
        Map.of("nl", new ArticleInput.LanguageText(title, "Samenvatting", "Tekst")), version, null);
  }

  @Test
  void aChangeKeepsTheReadsAndVotesCountedMeanwhile() {
    KnowledgeFixtures.category(kb);
    Article article = manage.publish(KnowledgeFixtures.AGENT, manage.create(KnowledgeFixtures.AGENT,
        input("Printer toevoegen", null)).articleId());
    kb.read().bySlug(article.slug(), Language.NL, VisitorKey.anonymous("192.0.2.1", "a"));
    kb.read().bySlug(article.slug(), Language.NL, VisitorKey.anonymous("192.0.2.2", "b"));
    kb.vote().bySlug(article.slug(), new nl.klantportaal.knowledge.article.usecase.VoteOnArticle.Vote(false),
        VisitorKey.anonymous("192.0.2.1", "a"));
    manage.update(KnowledgeFixtures.AGENT, article.articleId(), input("Printer toevoegen in Windows 11", article.version()));
    var stored = articles.find(article.articleId()).orElseThrow();
    assertEquals("Printer toevoegen in Windows 11", stored.article().textFor(Language.NL).title());
    assertEquals(new ArticleCounts(2, 0, 1), stored.counts());
    assertEquals("printer-toevoegen", stored.article().slug(), "the share link stays");
  }

  @Test
  void aTakenSlugIsNumberedAndAGivenTakenSlugIsRefused() {
    KnowledgeFixtures.category(kb);
    assertEquals("vpn-instellen", manage.create(KnowledgeFixtures.AGENT, input("VPN instellen", null)).slug());
    assertEquals("vpn-instellen-2", manage.create(KnowledgeFixtures.AGENT, input("VPN instellen!", null)).slug());
    var given = new ArticleInput("cat-microsoft-365", "public", null, List.of(), Map.of("en",
        new ArticleInput.LanguageText("VPN", "Summary", "Body")), null, "vpn-instellen");
    var refused = assertThrows(DomainException.Conflict.class, () -> manage.create(KnowledgeFixtures.AGENT, given));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, refused.kind());
  }

  @Test
  void theListenersHearOfPublishingChangesWhilePublishedAndWithdrawingOnly() {
    KnowledgeFixtures.category(kb);
    Article draft = manage.create(KnowledgeFixtures.AGENT, input("Teams kanaal aanvragen", null));
    Article changedDraft = manage.update(KnowledgeFixtures.AGENT, draft.articleId(), input("Teams-kanaal aanvragen", 1L));
    Article published = manage.publish(KnowledgeFixtures.AGENT, draft.articleId());
    manage.update(KnowledgeFixtures.AGENT, draft.articleId(), input("Een Teams-kanaal aanvragen", published.version()));
    manage.unpublish(KnowledgeFixtures.AGENT, draft.articleId());
    assertEquals(2, changedDraft.version());
    assertEquals(List.of("published teams-kanaal-aanvragen v3", "published teams-kanaal-aanvragen v4",
        "withdrawn teams-kanaal-aanvragen", "withdrawn teams-kanaal-aanvragen"), heard,
        "an unpublish takes the article out of search before its write and once more after it");
  }

  @Test
  void aPublishWhoseIndexEntryWasNotWrittenWritesItWhenDoneAgainAndAnUnpublishNeverLeavesADraftSearchable() {
    KnowledgeFixtures.category(kb);
    List<String> indexed = new ArrayList<>();
    int[] failures = {1};
    PublishedArticles index = new PublishedArticles() {
      @Override
      public void published(Article article) {
        fail("published " + article.articleId());
      }

      @Override
      public void withdrawn(String articleId) {
        fail("withdrawn " + articleId);
      }

      /** As SearchIndex after five lost races: the article is saved, its index entry is not. */
      private void fail(String change) {
        if (failures[0]-- > 0) {
          throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION, "The article is saved, but ...");
        }
        indexed.add(change);
      }
    };
    ManageArticles flaky = new ManageArticles(articles, new DynamoDbCategories(wiring.table()), List.of(index), customers,
        wiring.clock());
    Article draft = flaky.create(KnowledgeFixtures.AGENT, input("Agenda delen", null));

    assertThrows(DomainException.Conflict.class, () -> flaky.publish(KnowledgeFixtures.AGENT, draft.articleId()));
    assertEquals(List.of(), indexed);
    var again = assertThrows(DomainException.Conflict.class, () -> flaky.publish(KnowledgeFixtures.AGENT, draft.articleId()));
    assertEquals(DomainException.Conflict.Kind.ILLEGAL_STATE, again.kind(), "published already, as before");
    assertEquals(List.of("published " + draft.articleId()), indexed, "but now in the index");

    failures[0] = 1;
    assertThrows(DomainException.Conflict.class, () -> flaky.unpublish(KnowledgeFixtures.AGENT, draft.articleId()));
    assertTrue(articles.find(draft.articleId()).orElseThrow().article().isPublished(),
        "out of search first: when that fails, the article stays published (and searchable) as it was");
    assertEquals(nl.klantportaal.knowledge.article.domain.ArticleState.DRAFT,
        flaky.unpublish(KnowledgeFixtures.AGENT, draft.articleId()).state());
    assertEquals(List.of("published " + draft.articleId(), "withdrawn " + draft.articleId(), "withdrawn " + draft.articleId()),
        indexed, "a draft is never searchable");
  }

  @Test
  void aPublishWhoseIndexWriteLandsAfterAnUnpublishTakesTheDraftOutAgain() {
    KnowledgeFixtures.category(kb);
    List<String> indexed = new ArrayList<>();
    // Another staff member's unpublish, whose own removal from search ran before this publish's index write.
    ManageArticles other = new ManageArticles(articles, new DynamoDbCategories(wiring.table()), List.of(), customers,
        wiring.clock());
    boolean[] raced = {false};
    PublishedArticles index = new PublishedArticles() {
      @Override
      public void published(Article article) {
        if (!raced[0]) {
          raced[0] = true;
          other.unpublish(KnowledgeFixtures.AGENT, article.articleId());
        }
        indexed.add("published v" + article.version());
      }

      @Override
      public void withdrawn(String articleId) {
        indexed.add("withdrawn");
      }
    };
    ManageArticles slow = new ManageArticles(articles, new DynamoDbCategories(wiring.table()), List.of(index), customers,
        wiring.clock());
    Article draft = slow.create(KnowledgeFixtures.AGENT, input("Printer delen", null));
    slow.publish(KnowledgeFixtures.AGENT, draft.articleId());
    assertEquals(List.of("published v2", "withdrawn"), indexed, "read again after the index write: the draft goes out");
    assertFalse(articles.find(draft.articleId()).orElseThrow().article().isPublished());
  }
}

