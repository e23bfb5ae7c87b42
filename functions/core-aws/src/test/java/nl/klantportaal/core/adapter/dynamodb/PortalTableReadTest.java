package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link PortalTable#get} and {@link PortalTable#queryPage}, which read with the low-level client and map
 * with the item's schema, against what the enhanced client answers for the same reads on DynamoDB Local:
 * an item and a missing one; a query on the table and on an index, both directions, with a filter, page
 * by page through the cursor.
 */
class PortalTableReadTest {
  record Row(String pk, String sk, String gsi1pk, String gsi1sk, String colour) {}

  private static final TableSchema<Row> SCHEMA = new ItemSchema<>(Row.class,
      ItemSchema.Metadata.keys().indexPartitionKey(Keys.GSI1, Keys.GSI1PK).indexSortKey(Keys.GSI1, Keys.GSI1SK),
      new Row(null, null, null, null, null)) {
    @Override
    protected void write(Row r, Out out) {
      out.string(Keys.PK, r.pk()).string(Keys.SK, r.sk()).string(Keys.GSI1PK, r.gsi1pk()).string(Keys.GSI1SK, r.gsi1sk())
          .string("colour", r.colour());
    }

    @Override
    protected Row read(In in) {
      return new Row(in.string(Keys.PK), in.string(Keys.SK), in.string(Keys.GSI1PK), in.string(Keys.GSI1SK),
          in.string("colour"));
    }
  };

  private static PortalTable table;
  private static DynamoDbTable<Row> rows;

  @BeforeAll
  static void rows() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    rows = table.table(SCHEMA);
    IntStream.range(0, 25).forEach(i -> rows.putItem(new Row("READ#1", "ROW#" + String.format("%02d", i), "COLOUR#SET",
        String.format("%02d", 25 - i), i % 3 == 0 ? "rood" : "blauw")));
  }

  @Test
  void getAnswersTheItemTheEnhancedClientAnswersAndNothingForAMissingOne() {
    Row enhanced = rows.getItem(Key.builder().partitionValue("READ#1").sortValue("ROW#07").build());
    assertEquals(Optional.of(enhanced), table.get(SCHEMA, "READ#1", "ROW#07", false));
    assertEquals(Optional.of(enhanced), table.get(SCHEMA, "READ#1", "ROW#07", true));
    assertEquals(Optional.empty(), table.get(SCHEMA, "READ#1", "ROW#99", true));
  }

  @Test
  void queryPagesAnswerWhatTheEnhancedQueryAnswersOnTheTableAndAnIndexWithAFilter() {
    Expression red = Expression.builder().expression("#c = :c").expressionNames(Map.of("#c", "colour"))
        .expressionValues(Map.of(":c", AttributeValue.fromS("rood"))).build();
    var onTable = new CursorCodec.QueryScope("rows", "table", Keys.PK, "READ#1");
    var onIndex = new CursorCodec.QueryScope("by-colour", Keys.GSI1, Keys.GSI1PK, "COLOUR#SET");
    for (boolean ascending : List.of(true, false)) {
      for (Optional<Expression> filter : List.of(Optional.<Expression>empty(), Optional.of(red))) {
        assertEquals(enhancedQuery(onTable, ascending, filter), allPages(onTable, ascending, filter));
        assertEquals(enhancedQuery(onIndex, ascending, filter), allPages(onIndex, ascending, filter));
      }
    }
    assertEquals(9, allPages(onTable, true, Optional.of(red)).size());
  }

  @Test
  void aFilterThatUsesTheKeyConditionsNamesIsRefused() {
    Expression clash = Expression.builder().expression("#pk = :x").expressionNames(Map.of("#pk", "colour"))
        .expressionValues(Map.of(":x", AttributeValue.fromS("rood"))).build();
    var scope = new CursorCodec.QueryScope("rows", "table", Keys.PK, "READ#1");
    var refused = assertThrows(IllegalArgumentException.class,
        () -> table.queryPage(SCHEMA, scope, PageRequest.first(10), true, Optional.of(clash)));
    assertTrue(refused.getMessage().contains("#pk"), refused.getMessage());
  }

  /** Every page of 4 through the cursor. */
  private static List<Row> allPages(CursorCodec.QueryScope scope, boolean ascending, Optional<Expression> filter) {
    List<Row> all = new ArrayList<>();
    Page<Row> page = table.queryPage(SCHEMA, scope, PageRequest.first(4), ascending, filter);
    all.addAll(page.items());
    while (page.nextCursor().isPresent()) {
      page = table.queryPage(SCHEMA, scope, new PageRequest(page.nextCursor(), 4), ascending, filter);
      all.addAll(page.items());
    }
    return all;
  }

  private static List<Row> enhancedQuery(CursorCodec.QueryScope scope, boolean ascending, Optional<Expression> filter) {
    QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(scope.partitionValue()).build()))
        .scanIndexForward(ascending);
    filter.ifPresent(request::filterExpression);
    var pages = "table".equals(scope.indexName()) ? rows.query(request.build()) : rows.index(scope.indexName()).query(request.build());
    return pages.stream().flatMap(p -> p.items().stream()).toList();
  }
}
