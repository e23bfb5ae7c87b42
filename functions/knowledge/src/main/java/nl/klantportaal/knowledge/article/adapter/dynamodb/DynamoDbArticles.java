package nl.klantportaal.knowledge.article.adapter.dynamodb;

import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.n;
import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleState;
import nl.klantportaal.knowledge.article.domain.ArticleVersion;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Articles in their own partition {@code KB#ARTICLE#<id>}: the article ({@code ARTICLE}) with its counters,
 * and one {@code VERSION#<v>} item per change (its content then). A create also claims
 * {@code KB#SLUG#<slug>}; a change is an UpdateItem of the content on {@code version}, so the counters,
 * moved by atomic adds meanwhile, are never overwritten. Each write carries its audit entry.
 */
public final class DynamoDbArticles implements ArticleRepository {
  private final PortalTable table;

  public DynamoDbArticles(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean create(Article article, AuditRecord audit) {
    Map<String, AttributeValue> item = new HashMap<>(ArticleItems.content(article));
    item.put(Keys.PK, s(KnowledgeKeys.article(article.articleId())));
    item.put(Keys.SK, s(KnowledgeKeys.ARTICLE_SK));
    item.put("type", s(ArticleItems.TYPE));
    item.put(Keys.GSI2PK, s(KnowledgeKeys.ALL_ARTICLES));
    item.put(Keys.GSI2SK, s(article.slug()));
    ArticleItems.counters().forEach(counter -> item.put(counter, n(0)));
    Map<String, AttributeValue> slug = Map.of(Keys.PK, s(KnowledgeKeys.slug(article.slug())),
        Keys.SK, s(KnowledgeKeys.SLUG_SK), "type", s("KbSlug"), "articleId", s(article.articleId()));
    return table.transactIfConditionsHold(List.of(
        put(item, "attribute_not_exists(PK)"),
        put(slug, "attribute_not_exists(PK)"),
        put(versionItem(article), "attribute_not_exists(PK)"),
        AuditItems.put(table.name(), audit)));
  }

  @Override
  public void update(Article next, AuditRecord audit) {
    Map<String, AttributeValue> content = ArticleItems.content(next);
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    int i = 0;
    for (var entry : content.entrySet()) {
      names.put("#a" + i, entry.getKey());
      values.put(":a" + i, entry.getValue());
      sets.add("#a" + i + " = :a" + i);
      i++;
    }
    names.put("#v", "version");
    values.put(":stored", n(next.version() - 1));
    Update update = Update.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(KnowledgeKeys.article(next.articleId())), Keys.SK, s(KnowledgeKeys.ARTICLE_SK)))
        .updateExpression("SET " + String.join(", ", sets))
        .conditionExpression("#v = :stored")
        .expressionAttributeNames(names).expressionAttributeValues(values).build();
    boolean written = table.transactIfConditionsHold(List.of(TransactWriteItem.builder().update(update).build(),
        put(versionItem(next), "attribute_not_exists(PK)"), AuditItems.put(table.name(), audit)));
    if (!written) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The article was changed by someone else; reload it and try again");
    }
  }

  @Override
  public Optional<CountedArticle> find(String articleId) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(KnowledgeKeys.article(articleId)), Keys.SK, s(KnowledgeKeys.ARTICLE_SK))));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(ArticleItems.read(answer.item())) : Optional.empty();
  }

  @Override
  public Optional<CountedArticle> findBySlug(String slug) {
    var answer = table.client().getItem(r -> r.tableName(table.name())
        .key(Map.of(Keys.PK, s(KnowledgeKeys.slug(slug)), Keys.SK, s(KnowledgeKeys.SLUG_SK))));
    if (!answer.hasItem() || answer.item().isEmpty()) {
      return Optional.empty();
    }
    return find(answer.item().get("articleId").s());
  }

  @Override
  public Page<CountedArticle> page(Optional<String> categoryId, PageRequest page) {
    var scope = categoryId
        .map(c -> new CursorCodec.QueryScope("kb-category-articles", Keys.GSI1, Keys.GSI1PK, KnowledgeKeys.articlesOf(c)))
        .orElse(new CursorCodec.QueryScope("kb-articles", Keys.GSI2, Keys.GSI2PK, KnowledgeKeys.ALL_ARTICLES));
    return table.queryItems(scope, page, true).map(ArticleItems::read);
  }

  @Override
  public List<CountedArticle> all() {
    return table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.GSI2)
            .keyConditionExpression("GSI2PK = :pk")
            .expressionAttributeValues(Map.of(":pk", s(KnowledgeKeys.ALL_ARTICLES))))
        .items().stream().map(ArticleItems::read).toList();
  }

  @Override
  public List<ArticleVersion> versions(String articleId) {
    return table.client().queryPaginator(r -> r.tableName(table.name())
            .keyConditionExpression("PK = :pk AND begins_with(SK, :v)")
            .expressionAttributeValues(Map.of(":pk", s(KnowledgeKeys.article(articleId)),
                ":v", s(KnowledgeKeys.VERSION_PREFIX))))
        .items().stream()
        .map(item -> new ArticleVersion(ArticleItems.number(item, "version"), Instant.parse(item.get("updatedAt").s()),
            item.get("updatedBy").s(), WireEnum.parse(ArticleState.class, item.get("state").s())))
        .sorted(Comparator.comparingLong(ArticleVersion::version))
        .toList();
  }

  /** The article's content as it is at this version, kept for good under {@code VERSION#<v>}. */
  private static Map<String, AttributeValue> versionItem(Article article) {
    Map<String, AttributeValue> item = new HashMap<>(ArticleItems.content(article));
    item.remove(Keys.GSI1PK);
    item.remove(Keys.GSI1SK);
    item.put(Keys.PK, s(KnowledgeKeys.article(article.articleId())));
    item.put(Keys.SK, s(KnowledgeKeys.version(article.version())));
    item.put("type", s("KbArticleVersion"));
    return item;
  }

  private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
        .conditionExpression(condition).build()).build();
  }
}
