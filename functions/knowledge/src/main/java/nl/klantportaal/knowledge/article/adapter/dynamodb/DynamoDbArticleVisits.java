package nl.klantportaal.knowledge.article.adapter.dynamodb;

import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.n;
import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.knowledge.article.port.ArticleVisits;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One TransactWriteItems per counted visit: the claim {@code KB#CLAIM#<hash> / CLAIM} (only the hash and
 * {@code expiresAt}, the table's TTL attribute), put with {@code attribute_not_exists(PK)}, and
 * {@code ADD <counter> :1} on the article, which must exist. A claim that exists cancels both: the count
 * moves exactly once per claim. Transactions on one busy article can collide (TransactionConflict); the
 * DynamoDB client sends such a one again itself (core-aws {@code TransactionConflicts}), as nothing of it was
 * written.
 */
public final class DynamoDbArticleVisits implements ArticleVisits {
  private final PortalTable table;

  public DynamoDbArticleVisits(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean read(String articleId, String claim, Instant expiresAt) {
    return count(articleId, "reads", claim, expiresAt);
  }

  @Override
  public boolean vote(String articleId, boolean helpful, String claim, Instant expiresAt) {
    return count(articleId, helpful ? "helpfulYes" : "helpfulNo", claim, expiresAt);
  }

  private boolean count(String articleId, String counter, String claim, Instant expiresAt) {
    var claimPut = Put.builder().tableName(table.name())
        .item(Map.of(Keys.PK, s(KnowledgeKeys.claim(claim)), Keys.SK, s(KnowledgeKeys.CLAIM_SK), "type", s("KbVisitClaim"),
            "expiresAt", n(expiresAt.getEpochSecond())))
        .conditionExpression("attribute_not_exists(PK)").build();
    var add = Update.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(KnowledgeKeys.article(articleId)), Keys.SK, s(KnowledgeKeys.ARTICLE_SK)))
        .updateExpression("ADD #c :one").conditionExpression("attribute_exists(PK)")
        .expressionAttributeNames(Map.of("#c", counter)).expressionAttributeValues(Map.of(":one", n(1))).build();
    try {
      table.client().transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(claimPut).build(),
          TransactWriteItem.builder().update(add).build()));
      return true;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) {
        return false;
      }
      if (failed(reasons, 1)) {
        throw new DomainException.NotFound("Article");
      }
      throw e;
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }
}
