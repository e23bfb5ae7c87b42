package nl.klantportaal.ticketing.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
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
 * holding its definition as JSON and its {@code version}; a stored entry replaces the shipped one with the same id.
 */
public final class DynamoDbCatalogueRepository implements CatalogueRepository {
  private static final String VERSION = "version";
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
    Map<String, Long> categoryVersions = new HashMap<>();
    Map<String, Long> requestTypeVersions = new HashMap<>();
    var pages = table.client().queryPaginator(r -> r.tableName(table.name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.CATALOGUE))));
    for (Map<String, AttributeValue> item : pages.items()) {
      String sk = item.get(Keys.SK).s();
      byte[] definition = item.get("definition").s().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (sk.startsWith(Keys.CATEGORY_PREFIX)) {
        Category category = parse(definition, Category.class);
        categories.put(category.id(), category);
        categoryVersions.put(category.id(), version(item));
      } else if (sk.startsWith(Keys.REQUEST_TYPE_PREFIX)) {
        RequestType type = parse(definition, RequestType.class);
        requestTypes.put(type.id(), type);
        requestTypeVersions.put(type.id(), version(item));
      }
    }
    return new Catalogue(new ArrayList<>(categories.values()), new ArrayList<>(requestTypes.values()), categoryVersions,
        requestTypeVersions);
  }

  /** An entry stored before entries had versions has none: it reads as 0, as one never stored. */
  private static long version(Map<String, AttributeValue> item) {
    AttributeValue version = item.get(VERSION);
    return version == null ? 0 : Long.parseLong(version.n());
  }

  @Override
  public boolean save(Category category, long readVersion, AuditRecord audit, Mode mode) {
    return put(Keys.CATEGORY_PREFIX + category.id(), "Category", category, readVersion, audit, mode);
  }

  @Override
  public boolean save(RequestType requestType, long readVersion, AuditRecord audit, Mode mode) {
    return put(Keys.REQUEST_TYPE_PREFIX + requestType.id(), "RequestType", requestType, readVersion, audit, mode);
  }

  /**
   * The entry as version {@code readVersion + 1} and its audit in one transaction (the audit put is append-only, so it
   * cannot fail but on a clash of ids), on a condition, so two admins saving the same id at once cannot overwrite each
   * other: CREATE only where no entry is stored under the key; REPLACE only on the version read, where 0 holds for no
   * entry stored and for one stored before entries had versions (no {@code version} attribute).
   */
  private boolean put(String sk, String type, Object definition, long readVersion, AuditRecord audit, Mode mode) {
    var entry = software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> {
      p.tableName(table.name()).item(Map.of(
          Keys.PK, AttributeValue.fromS(Keys.CATALOGUE),
          Keys.SK, AttributeValue.fromS(sk),
          "type", AttributeValue.fromS(type),
          "definition", AttributeValue.fromS(new String(Json.write(definition), java.nio.charset.StandardCharsets.UTF_8)),
          VERSION, AttributeValue.fromN(Long.toString(readVersion + 1))));
      if (mode == Mode.CREATE) {
        p.conditionExpression("attribute_not_exists(PK)");
      } else if (readVersion == 0) {
        p.conditionExpression("attribute_not_exists(PK) OR attribute_not_exists(#v)")
            .expressionAttributeNames(Map.of("#v", VERSION));
      } else {
        p.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(readVersion))));
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
