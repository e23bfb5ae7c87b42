package nl.klantportaal.core.adapter.dynamodb;

import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one table: a hand-written schema per item type ({@link ItemSchema}: no reflection, no lambda per
 * attribute), the Enhanced Client for versioned writes, transactions and batch reads (optimistic locking
 * on {@code version}), and keyed reads and cursor-paged queries on the low-level client, mapped by the
 * item's schema. No Scan exists here.
 */
public final class PortalTable {
  /** The names a keyed query's key condition uses; a filter must use others. */
  private static final String KEY_NAME = "#pk";
  private static final String KEY_VALUE = ":pk";

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
   * The item at {@code pk}/{@code sk}, read with the low-level client and mapped by {@code schema}. The
   * enhanced client's {@code Key} builds the SDK's hundred default attribute converters when its builder
   * class is first used, so a path that needs no other enhanced read starts faster with this.
   */
  public <T> Optional<T> get(TableSchema<T> schema, String pk, String sk, boolean consistent) {
    var item = client.getItem(r -> r.tableName(tableName).consistentRead(consistent)
        .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(schema.mapToItem(item));
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
    return query(scope, page, ascending, Optional.empty());
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
   * query (a filtered page may hold fewer than {@code limit} items; its cursor still moves on). The query
   * is the low-level client's and {@code schema} maps its items, as the enhanced client's query would;
   * without the enhanced client's {@code Key}, whose first use builds the SDK's default attribute converters.
   */
  public <T> Page<T> queryPage(TableSchema<T> schema, CursorCodec.QueryScope scope, PageRequest page, boolean ascending,
      Optional<Expression> filter) {
    Page<Map<String, AttributeValue>> items = query(scope, page, ascending, filter);
    return items.map(schema::mapToItem);
  }

  private Page<Map<String, AttributeValue>> query(CursorCodec.QueryScope scope, PageRequest page, boolean ascending,
      Optional<Expression> filter) {
    Map<String, String> names = new HashMap<>(Map.of(KEY_NAME, scope.partitionAttribute()));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(KEY_VALUE, AttributeValue.fromS(scope.partitionValue())));
    var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
        .tableName(tableName)
        .keyConditionExpression(KEY_NAME + " = " + KEY_VALUE)
        .scanIndexForward(ascending)
        .limit(page.limit());
    filter.ifPresent(f -> {
      if (f.expressionNames() != null && f.expressionNames().containsKey(KEY_NAME)
          || f.expressionValues() != null && f.expressionValues().containsKey(KEY_VALUE)) {
        throw new IllegalArgumentException("A query filter must not use " + KEY_NAME + " or " + KEY_VALUE
            + ", the key condition's names: " + f.expression());
      }
      request.filterExpression(f.expression());
      if (f.expressionNames() != null) {
        names.putAll(f.expressionNames());
      }
      if (f.expressionValues() != null) {
        values.putAll(f.expressionValues());
      }
    });
    request.expressionAttributeNames(names).expressionAttributeValues(values);
    if (!"table".equals(scope.indexName())) {
      request.indexName(scope.indexName());
    }
    page.cursor().ifPresent(cursor -> request.exclusiveStartKey(cursors.get().decode(cursor, scope)));
    var response = client.query(request.build());
    Map<String, AttributeValue> last = response.lastEvaluatedKey();
    Optional<String> next = last == null || last.isEmpty() ? Optional.empty() : Optional.of(cursors.get().encode(scope, last));
    return new Page<>(response.items(), next);
  }
}
