package nl.klantportaal.ticketing.adapter.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.api.Json;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.DefaultCatalogue;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code CATALOGUE / CATEGORY#<id>} and {@code CATALOGUE / REQUESTTYPE#<id>} (pattern 24), each
 * holding its definition as JSON; a stored entry replaces the shipped one with the same id.
 */
public final class DynamoDbCatalogueRepository implements CatalogueRepository {
  private final PortalTable table;

  public DynamoDbCatalogueRepository(PortalTable table) {
    this.table = table;
  }

  @Override
  public Catalogue load() {
    Map<String, Category> categories = new LinkedHashMap<>();
    DefaultCatalogue.CATEGORIES.forEach(c -> categories.put(c.id(), c));
    Map<String, RequestType> requestTypes = new LinkedHashMap<>();
    DefaultCatalogue.REQUEST_TYPES.forEach(r -> requestTypes.put(r.id(), r));
    var pages = table.client().queryPaginator(r -> r.tableName(table.name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.CATALOGUE))));
    for (Map<String, AttributeValue> item : pages.items()) {
      String sk = item.get(Keys.SK).s();
      byte[] definition = item.get("definition").s().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (sk.startsWith(Keys.CATEGORY_PREFIX)) {
        Category category = parse(definition, Category.class);
        categories.put(category.id(), category);
      } else if (sk.startsWith(Keys.REQUEST_TYPE_PREFIX)) {
        RequestType type = parse(definition, RequestType.class);
        requestTypes.put(type.id(), type);
      }
    }
    return new Catalogue(new ArrayList<>(categories.values()), new ArrayList<>(requestTypes.values()));
  }

  @Override
  public boolean save(Category category, AuditRecord audit, Mode mode) {
    return put(Keys.CATEGORY_PREFIX + category.id(), "Category", category, audit, mode);
  }

  @Override
  public boolean save(RequestType requestType, AuditRecord audit, Mode mode) {
    return put(Keys.REQUEST_TYPE_PREFIX + requestType.id(), "RequestType", requestType, audit, mode);
  }

  /**
   * The entry and its audit in one transaction (the audit put is append-only, so it cannot fail but on a clash of ids);
   * CREATE only where no entry is stored under the key, so two admins adding the same id at once cannot overwrite.
   */
  private boolean put(String sk, String type, Object definition, AuditRecord audit, Mode mode) {
    var entry = software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> {
      p.tableName(table.name()).item(Map.of(
          Keys.PK, AttributeValue.fromS(Keys.CATALOGUE),
          Keys.SK, AttributeValue.fromS(sk),
          "type", AttributeValue.fromS(type),
          "definition", AttributeValue.fromS(new String(Json.write(definition), java.nio.charset.StandardCharsets.UTF_8))));
      if (mode == Mode.CREATE) {
        p.conditionExpression("attribute_not_exists(PK)");
      }
    }).build();
    return table.transactIfConditionsHold(List.of(entry, AuditItems.put(table.name(), audit)));
  }

  private static <T> T parse(byte[] definition, Class<T> type) {
    try {
      return Json.readStored(definition, type);
    } catch (Json.Unreadable e) {
      throw new IllegalStateException("Stored catalogue entry is not a " + type.getSimpleName(), e);
    }
  }

}
