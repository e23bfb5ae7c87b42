package nl.klantportaal.knowledge.article.adapter.dynamodb;

import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.n;
import static nl.klantportaal.knowledge.article.adapter.dynamodb.ArticleItems.s;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.knowledge.article.domain.Category;
import nl.klantportaal.knowledge.article.port.CategoryRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Categories in one partition {@code KB / CATEGORY#<id>} (pattern 45), written with their audit entry. */
public final class DynamoDbCategories implements CategoryRepository {
  private final PortalTable table;

  public DynamoDbCategories(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean create(Category category, AuditRecord audit) {
    return table.transactIfConditionsHold(List.of(put(category, "attribute_not_exists(PK)", Map.of()),
        AuditItems.put(table.name(), audit)));
  }

  @Override
  public void update(Category next, AuditRecord audit) {
    if (!table.transactIfConditionsHold(List.of(put(next, "#v = :stored", Map.of(":stored", n(next.version() - 1))),
        AuditItems.put(table.name(), audit)))) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          "The category was changed by someone else; reload it and try again");
    }
  }

  @Override
  public Optional<Category> find(String categoryId) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(KnowledgeKeys.CATEGORIES), Keys.SK, s(KnowledgeKeys.category(categoryId)))));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(category(answer.item())) : Optional.empty();
  }

  @Override
  public List<Category> all() {
    return table.client().queryPaginator(r -> r.tableName(table.name())
            .keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
            .expressionAttributeValues(Map.of(":pk", s(KnowledgeKeys.CATEGORIES), ":c", s(KnowledgeKeys.CATEGORY_PREFIX))))
        .items().stream().map(DynamoDbCategories::category)
        .sorted(Comparator.comparingInt(Category::order).thenComparing(Category::slug)).toList();
  }

  private TransactWriteItem put(Category c, String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(KnowledgeKeys.CATEGORIES));
    item.put(Keys.SK, s(KnowledgeKeys.category(c.categoryId())));
    item.put("type", s("KbCategory"));
    item.put("categoryId", s(c.categoryId()));
    item.put("slug", s(c.slug()));
    item.put("names", AttributeValue.fromM(Map.of("nl", s(c.names().nl()), "en", s(c.names().en()), "de", s(c.names().de()))));
    item.put("order", n(c.order()));
    item.put("updatedAt", s(c.updatedAt().toString()));
    item.put("version", n(c.version()));
    var put = Put.builder().tableName(table.name()).item(item).conditionExpression(condition);
    if (!values.isEmpty()) {
      put.expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values);
    }
    return TransactWriteItem.builder().put(put.build()).build();
  }

  private static Category category(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> names = item.get("names").m();
    return new Category(item.get("categoryId").s(), item.get("slug").s(),
        new LocalizedText(names.get("nl").s(), names.get("en").s(), names.get("de").s()),
        (int) ArticleItems.number(item, "order"), Instant.parse(item.get("updatedAt").s()), ArticleItems.number(item, "version"));
  }
}
