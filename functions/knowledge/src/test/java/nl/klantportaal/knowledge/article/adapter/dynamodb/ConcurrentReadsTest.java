package nl.klantportaal.knowledge.article.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleCounts;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.usecase.VoteOnArticle;
import nl.klantportaal.knowledge.handler.KnowledgeFixtures;
import nl.klantportaal.knowledge.wiring.ArticleWiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Read counts on DynamoDB Local under load: 100 visitors at once count 100, the same visitor again the same day
 * counts nothing, and only hashes with their TTL are stored (no address, no user agent).
 */
class ConcurrentReadsTest {

  private static ArticleCounts counts(ArticleWiring kb, KernelWiring wiring, String articleId) {
    return new DynamoDbArticles(wiring.table()).find(articleId).orElseThrow().counts();
  }

  @Test
  void aHundredConcurrentReadersCountAHundredAndEachAgainTheSameDayCountsNothing() throws Exception {
    KernelWiring wiring = KnowledgeFixtures.freshWiring();
    ArticleWiring kb = ArticleWiring.of(wiring);
    KnowledgeFixtures.category(kb);
    Article article = KnowledgeFixtures.article(kb, "wachtwoord-herstellen", "public", null, true);
    var read = kb.read();

    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      for (int round = 1; round <= 2; round++) {
        List<Future<?>> readers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String visitor = VisitorKey.anonymous("203.0.113." + i, "Mozilla/5.0 (reader " + i + ")");
          readers.add(pool.submit(() -> read.bySlug("wachtwoord-herstellen", Language.NL, visitor)));
        }
        for (Future<?> reader : readers) {
          reader.get();
        }
        assertEquals(100, counts(kb, wiring, article.articleId()).reads(), "after round " + round);
      }
    } finally {
      pool.shutdown();
    }
    assertEquals("some", read.bySlug("wachtwoord-herstellen", Language.NL, VisitorKey.anonymous("203.0.113.250", "x"))
        .readerBand());
  }

  @Test
  void theSameVisitorCountsOnceADayForReadsAndForVotes() {
    KernelWiring wiring = KnowledgeFixtures.freshWiring();
    ArticleWiring kb = ArticleWiring.of(wiring);
    KnowledgeFixtures.category(kb);
    Article article = KnowledgeFixtures.article(kb, "factuur-betalen", "public", null, true);
    String visitor = VisitorKey.anonymous("198.51.100.7", "Mozilla/5.0");
    kb.read().bySlug("factuur-betalen", Language.NL, visitor);
    kb.read().bySlug("factuur-betalen", Language.EN, visitor);
    kb.vote().bySlug("factuur-betalen", new VoteOnArticle.Vote(true), visitor);
    kb.vote().bySlug("factuur-betalen", new VoteOnArticle.Vote(false), visitor);
    kb.vote().bySlug("factuur-betalen", new VoteOnArticle.Vote(true), VisitorKey.anonymous("198.51.100.8", "Mozilla/5.0"));
    assertEquals(new ArticleCounts(1, 2, 0), counts(kb, wiring, article.articleId()));

    // The claims hold a keyed hash and the TTL only: nothing that names the visitor.
    var claims = new ArrayList<Map<String, AttributeValue>>();
    VisitorKey keys = new VisitorKey(wiring.purposeKey("kb-visitor"));
    for (var purpose : VisitorKey.Purpose.values()) {
      String hash = keys.claim(KnowledgeFixtures.NOW, purpose, article.articleId(), visitor);
      claims.add(wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).key(Map.of(
          Keys.PK, AttributeValue.fromS(KnowledgeKeys.claim(hash)), Keys.SK, AttributeValue.fromS(KnowledgeKeys.CLAIM_SK))))
          .item());
    }
    for (var claim : claims) {
      assertEquals(java.util.Set.of("PK", "SK", "type", "expiresAt"), claim.keySet());
      assertEquals(KnowledgeFixtures.NOW.plusSeconds(86_400).getEpochSecond(), Long.parseLong(claim.get("expiresAt").n()));
      assertEquals(false, claim.toString().contains("198.51.100.7"));
    }
  }
}
