package nl.klantportaal.knowledge.search.adapter.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.knowledge.search.domain.IndexCodec;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.port.SearchIndexStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Each language's index as one item, {@code PK = KB#SEARCH#INDEX#<lang>}, {@code SK = INDEX}: the gzipped
 * index ({@code index}, what a search reads), the gzipped documents ({@code documents}, what a change
 * rebuilds from) and {@code version}, the condition of every write. One item keeps a change atomic;
 * DynamoDB's 400 KB item limit bounds it (docs/knowledge.md has the measured size per article).
 */
public final class DynamoDbSearchIndexStore implements SearchIndexStore {
  private final PortalTable table;

  public DynamoDbSearchIndexStore(PortalTable table) {
    this.table = table;
  }

  @Override
  public long version(SearchLanguage language) {
    return read(language, "version", false).map(item -> Long.parseLong(item.get("version").n())).orElse(0L);
  }

  /**
   * The stored index; one made by an earlier analysis ({@link IndexCodec#decodeIndex}) is built again here from the
   * same item's documents (a few milliseconds per hundred articles, once per instance and version), so a deploy
   * with a new analysis searches with it at once; the stored index is replaced at the language's next change.
   */
  @Override
  public Optional<Stored<InvertedIndex>> index(SearchLanguage language) {
    return read(language, "version, #index", false).map(item -> {
      long version = Long.parseLong(item.get("version").n());
      return IndexCodec.decodeIndex(item.get("index").b().asByteArrayUnsafe())
          .map(index -> new Stored<>(version, index))
          .orElseGet(() -> {
            Stored<List<SearchDocument>> documents = documents(language);
            return new Stored<>(documents.version(), InvertedIndex.build(language, documents.value()));
          });
    });
  }

  @Override
  public Stored<List<SearchDocument>> documents(SearchLanguage language) {
    return read(language, "version, documents", true).map(item -> new Stored<>(Long.parseLong(item.get("version").n()),
        IndexCodec.decodeDocuments(item.get("documents").b().asByteArrayUnsafe())))
        .orElseGet(() -> new Stored<>(0, List.of()));
  }

  @Override
  public boolean save(SearchLanguage language, long expectedVersion, List<SearchDocument> documents, InvertedIndex index, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, AttributeValue.fromS(SearchKeys.index(language)));
    item.put(Keys.SK, AttributeValue.fromS(SearchKeys.INDEX_SK));
    item.put("type", AttributeValue.fromS("SearchIndex"));
    item.put("language", AttributeValue.fromS(language.code()));
    item.put("articles", AttributeValue.fromN(Integer.toString(index.size())));
    item.put("index", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(IndexCodec.encode(index))));
    item.put("documents", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(IndexCodec.encode(language, documents))));
    item.put("updatedAt", AttributeValue.fromS(at.toString()));
    item.put("version", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(table.name()).item(item);
    if (expectedVersion == 0) {
      put.conditionExpression("attribute_not_exists(PK)");
    } else {
      put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
    }
    try {
      table.client().putItem(put.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private Optional<Map<String, AttributeValue>> read(SearchLanguage language, String projection, boolean consistent) {
    var answer = table.client().getItem(r -> {
      r.tableName(table.name()).consistentRead(consistent).projectionExpression(projection)
          .key(Map.of(Keys.PK, AttributeValue.fromS(SearchKeys.index(language)), Keys.SK, AttributeValue.fromS(SearchKeys.INDEX_SK)));
      if (projection.contains("#index")) {
        r.expressionAttributeNames(Map.of("#index", "index"));
      }
    });
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(answer.item()) : Optional.empty();
  }
}
