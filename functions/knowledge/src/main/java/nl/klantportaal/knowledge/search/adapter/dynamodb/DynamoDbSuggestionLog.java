package nl.klantportaal.knowledge.search.adapter.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.knowledge.search.domain.ArticleFigures;
import nl.klantportaal.knowledge.search.domain.OpenedSuggestion;
import nl.klantportaal.knowledge.search.port.SuggestionLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Suggestions in the table: one item per suggestion shown ({@code KB#SUGGESTION#<id>}, kept 30 days by TTL),
 * the opened and not yet decided ones in {@code KB#SUGGESTIONS#UNDECIDED} sorted by the time they were opened,
 * and the counters per article in {@code KB#SEARCH#FIGURES} ({@code ADD}, so concurrent answers all count).
 * An opening and a decision change their counter in one transaction with the item whose condition makes
 * them happen once.
 */
public final class DynamoDbSuggestionLog implements SuggestionLog {

  static final Duration KEPT = Duration.ofDays(30);

  private final PortalTable table;

  public DynamoDbSuggestionLog(PortalTable table) {
    this.table = table;
  }

  @Override
  public void shown(Shown suggestion) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(SearchKeys.suggestion(suggestion.suggestionId())));
    item.put(Keys.SK, s(SearchKeys.SUGGESTION_SK));
    item.put("type", s("KnowledgeSuggestion"));
    item.put("tenantId", s(suggestion.tenantId()));
    item.put("userId", s(suggestion.userId()));
    item.put("articleIds", AttributeValue.fromL(suggestion.articleIds().stream().map(DynamoDbSuggestionLog::s).toList()));
    item.put("createdAt", s(suggestion.at().toString()));
    item.put("expiresAt", n(suggestion.at().plus(KEPT).getEpochSecond()));
    // The suggestion's id is new (a random UUID), so each shown counts once; the counters are plain ADDs,
    // not a transaction, because many readers are shown the same article at once and ADDs never conflict.
    table.client().putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
    for (String articleId : suggestion.articleIds()) {
      Update add = count(articleId, "shown").update();
      table.client().updateItem(r -> r.tableName(add.tableName()).key(add.key()).updateExpression(add.updateExpression())
          .expressionAttributeNames(add.expressionAttributeNames()).expressionAttributeValues(add.expressionAttributeValues()));
    }
  }

  @Override
  public Optional<Shown> find(String suggestionId) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(SearchKeys.suggestion(suggestionId)), Keys.SK, s(SearchKeys.SUGGESTION_SK))));
    if (!answer.hasItem() || answer.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = answer.item();
    return Optional.of(new Shown(suggestionId, item.get("tenantId").s(), item.get("userId").s(),
        item.get("articleIds").l().stream().map(AttributeValue::s).toList(), Instant.parse(item.get("createdAt").s())));
  }

  @Override
  public boolean opened(OpenedSuggestion opened) {
    Update mark = Update.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(SearchKeys.suggestion(opened.suggestionId())), Keys.SK, s(SearchKeys.SUGGESTION_SK)))
        .updateExpression("ADD opened :article")
        .conditionExpression("attribute_exists(PK) AND NOT contains(opened, :one)")
        .expressionAttributeValues(Map.of(":article", AttributeValue.fromSs(List.of(opened.articleId())), ":one", s(opened.articleId())))
        .build();
    Map<String, AttributeValue> undecided = new HashMap<>();
    undecided.put(Keys.PK, s(SearchKeys.UNDECIDED));
    undecided.put(Keys.SK, s(SearchKeys.undecided(opened.openedAt(), opened.suggestionId(), opened.articleId())));
    undecided.put("type", s("KnowledgeSuggestionOpened"));
    undecided.put("suggestionId", s(opened.suggestionId()));
    undecided.put("tenantId", s(opened.tenantId()));
    undecided.put("userId", s(opened.userId()));
    undecided.put("articleId", s(opened.articleId()));
    undecided.put("openedAt", s(opened.openedAt().toString()));
    return table.transactIfConditionsHold(List.of(
        TransactWriteItem.builder().update(mark).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(undecided).build()).build(),
        count(opened.articleId(), "opened")));
  }

  @Override
  public List<OpenedSuggestion> undecided(Instant by) {
    List<OpenedSuggestion> found = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk AND SK <= :by")
        .expressionAttributeValues(Map.of(":pk", s(SearchKeys.UNDECIDED), ":by", s(SearchKeys.openedBy(by) + "~"))))
        .items().forEach(item -> found.add(new OpenedSuggestion(item.get("suggestionId").s(), item.get("tenantId").s(),
            item.get("userId").s(), item.get("articleId").s(), Instant.parse(item.get("openedAt").s()))));
    return found;
  }

  @Override
  public long undecidedCount() {
    return table.client().queryPaginator(r -> r.tableName(table.name()).select("COUNT")
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(SearchKeys.UNDECIDED))))
        .stream().mapToLong(page -> page.count()).sum();
  }

  @Override
  public boolean decide(OpenedSuggestion opened, boolean deflected) {
    var delete = software.amazon.awssdk.services.dynamodb.model.Delete.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(SearchKeys.UNDECIDED),
            Keys.SK, s(SearchKeys.undecided(opened.openedAt(), opened.suggestionId(), opened.articleId()))))
        .conditionExpression("attribute_exists(PK)").build();
    return table.transactIfConditionsHold(List.of(TransactWriteItem.builder().delete(delete).build(),
        count(opened.articleId(), deflected ? "deflected" : "notDeflected")));
  }

  @Override
  public List<ArticleFigures> figures() {
    List<ArticleFigures> figures = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name())
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(SearchKeys.FIGURES))))
        .items().forEach(item -> figures.add(new ArticleFigures(item.get("articleId").s(),
            number(item, "shown"), number(item, "opened"), number(item, "deflected"))));
    return figures;
  }

  private TransactWriteItem count(String articleId, String counter) {
    return TransactWriteItem.builder().update(Update.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(SearchKeys.FIGURES), Keys.SK, s(SearchKeys.article(articleId))))
        .updateExpression("SET articleId = :id, #type = :type ADD #c :one")
        .expressionAttributeNames(Map.of("#c", counter, "#type", "type"))
        .expressionAttributeValues(Map.of(":id", s(articleId), ":type", s("KnowledgeSearchFigures"), ":one", n(1)))
        .build()).build();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
