package nl.klantportaal.core.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one table, seen through the Enhanced Client with a hand-written schema per item type
 * ({@link ItemSchema}: no reflection, no lambda per attribute), optimistic locking on {@code version}, and keyed, cursor-paged queries. No Scan exists here.
 */
public final class PortalTable {
  private final DynamoDbClient client;
  private final DynamoDbEnhancedClient enhanced;
  private final String tableName;
  private final Supplier<CursorCodec> cursors;

  public PortalTable(DynamoDbClient client, String tableName, CursorCodec cursors) {
    this(client, tableName, () -> cursors);
  }

  /** The cursor key is fetched on the first paged query, so functions that never page never load it. */
  public PortalTable(DynamoDbClient client, String tableName, Supplier<CursorCodec> cursors) {
    this.client = client;
    this.tableName = tableName;
    this.cursors = memoize(cursors);
    this.enhanced = DynamoDbEnhancedClient.builder()
        .dynamoDbClient(client)
        .extensions(VersionedRecordExtension.builder().build())
        .build();
  }

  /** {@code supplier}'s value, made once, on first use, by one thread. */
  public static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T result = value;
        if (result == null) {
          synchronized (this) {
            result = value;
            if (result == null) {
              result = supplier.get();
              value = result;
            }
          }
        }
        return result;
      }
    };
  }

  /**
   * Writes {@code writes} in one transaction: true when written, false when one of its conditions
   * failed (then nothing was written). Any other cancellation is thrown.
   */
  public boolean transactIfConditionsHold(java.util.List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> writes) {
    try {
      client.transactWriteItems(r -> r.transactItems(writes));
      return true;
    } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
      if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
        return false;
      }
      throw e;
    }
  }

  public DynamoDbClient client() {
    return client;
  }

  public DynamoDbEnhancedClient enhanced() {
    return enhanced;
  }

  public String name() {
    return tableName;
  }

  public <T> DynamoDbTable<T> table(TableSchema<T> schema) {
    return enhanced.table(tableName, schema);
  }

  /**
   * The items of {@code keys} that exist, in no particular order: one BatchGetItem per 100 keys (the
   * service's limit), asked again for any keys it left unprocessed. {@code consistent}: strongly
   * consistent reads, as a GetItem with {@code consistentRead(true)}.
   */
  public <T> List<T> batchGet(DynamoDbTable<T> items, List<Key> keys, boolean consistent) {
    List<T> found = new java.util.ArrayList<>();
    for (int i = 0; i < keys.size(); i += 100) {
      List<Key> pending = keys.subList(i, Math.min(keys.size(), i + 100));
      while (!pending.isEmpty()) {
        var batch = software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch.builder(items.tableSchema().itemType().rawClass())
            .mappedTableResource(items);
        pending.forEach(key -> batch.addGetItem(get -> get.key(key).consistentRead(consistent)));
        var result = enhanced.batchGetItem(r -> r.readBatches(batch.build())).iterator().next();
        found.addAll(result.resultsForTable(items));
        pending = result.unprocessedKeysForTable(items);
      }
    }
    return found;
  }

  /**
   * One page of a Query as raw items (for item shapes several contexts write, read by the shared
   * kernel): keyed on {@code scope.partitionValue()}, in either direction; the cursor as in {@link #queryPage}.
   */
  public Page<Map<String, AttributeValue>> queryItems(CursorCodec.QueryScope scope, PageRequest page, boolean ascending) {
    var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
        .tableName(tableName)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", scope.partitionAttribute()))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(scope.partitionValue())))
        .scanIndexForward(ascending)
        .limit(page.limit());
    if (!"table".equals(scope.indexName())) {
      request.indexName(scope.indexName());
    }
    page.cursor().ifPresent(cursor -> request.exclusiveStartKey(cursors.get().decode(cursor, scope)));
    var response = client.query(request.build());
    Map<String, AttributeValue> last = response.lastEvaluatedKey();
    Optional<String> next = last == null || last.isEmpty() ? Optional.empty() : Optional.of(cursors.get().encode(scope, last));
    return new Page<>(response.items(), next);
  }

  /**
   * One page of a Query on an index (or the table, when {@code scope.indexName()} is "table") keyed
   * on {@code scope.partitionValue()}; the cursor must have been made by the same scope.
   */
  public <T> Page<T> queryPage(TableSchema<T> schema, CursorCodec.QueryScope scope, PageRequest page) {
    return queryPage(schema, scope, page, true, Optional.empty());
  }

  /**
   * As above, in either direction of the sort key, with an optional filter applied within the keyed
   * query (a filtered page may hold fewer than {@code limit} items; its cursor still moves on).
   */
  public <T> Page<T> queryPage(TableSchema<T> schema, CursorCodec.QueryScope scope, PageRequest page, boolean ascending,
      Optional<Expression> filter) {
    Key key = Key.builder().partitionValue(scope.partitionValue()).build();
    QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(key))
        .scanIndexForward(ascending)
        .limit(page.limit());
    filter.ifPresent(request::filterExpression);
    page.cursor().ifPresent(cursor -> request.exclusiveStartKey(cursors.get().decode(cursor, scope)));
    var pages = "table".equals(scope.indexName())
        ? table(schema).query(request.build())
        : table(schema).index(scope.indexName()).query(request.build());
    var first = pages.iterator().next();
    Map<String, AttributeValue> last = first.lastEvaluatedKey();
    Optional<String> next = last == null || last.isEmpty() ? Optional.empty() : Optional.of(cursors.get().encode(scope, last));
    return new Page<>(List.copyOf(first.items()), next);
  }
}
