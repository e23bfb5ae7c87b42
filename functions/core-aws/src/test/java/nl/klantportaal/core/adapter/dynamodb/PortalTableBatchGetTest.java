package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@link PortalTable#batchGet}: any number of keys (the service takes 100 per call), missing ones left out. */
class PortalTableBatchGetTest {

  static final class Row {
    String pk;
    String sk;
  }

  private static final StaticTableSchema<Row> SCHEMA = StaticTableSchema.builder(Row.class).newItemSupplier(Row::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(r -> r.pk).setter((r, v) -> r.pk = v)
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(r -> r.sk).setter((r, v) -> r.sk = v)
          .tags(StaticAttributeTags.primarySortKey()))
      .build();

  @Test
  void twoHundredFiftyKeysOfWhichFiftyAreMissingReadTheTwoHundredThatExist() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    PortalTable table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    DynamoDbTable<Row> rows = table.table(SCHEMA);
    IntStream.range(0, 200).forEach(i -> {
      Row row = new Row();
      row.pk = "BATCH#" + i;
      row.sk = "ROW";
      rows.putItem(row);
    });
    List<Key> keys = IntStream.range(0, 250).mapToObj(i -> Key.builder().partitionValue("BATCH#" + i).sortValue("ROW").build()).toList();

    for (boolean consistent : List.of(true, false)) {
      Set<String> found = table.batchGet(rows, keys, consistent).stream().map(r -> r.pk).collect(Collectors.toSet());
      assertEquals(IntStream.range(0, 200).mapToObj(i -> "BATCH#" + i).collect(Collectors.toSet()), found);
    }
    assertEquals(List.of(), table.batchGet(rows, List.of(), true));
  }
}
