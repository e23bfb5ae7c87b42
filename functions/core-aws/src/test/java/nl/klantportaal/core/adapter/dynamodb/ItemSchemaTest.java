package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ItemSchema} against the SDK's own {@code StaticTableSchema} for the same item with every
 * attribute kind the items use: the same attribute values both ways, the same metadata, and the same
 * behaviour through the enhanced client against DynamoDB Local (a new item, a versioned update that
 * removes an attribute, a stale version refused).
 */
class ItemSchemaTest {

  static final class Row {
    String pk;
    String sk;
    String gsi1pk;
    String gsi1sk;
    String text;
    Long count;
    Boolean flag;
    List<String> list;
    Map<String, String> map;
    Map<String, Boolean> switches;
    Set<String> set;
    Long version;
  }

  private static final TableSchema<Row> STATIC = StaticTableSchema.builder(Row.class).newItemSupplier(Row::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(r -> r.pk).setter((r, v) -> r.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(r -> r.sk).setter((r, v) -> r.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name(Keys.GSI1PK).getter(r -> r.gsi1pk).setter((r, v) -> r.gsi1pk = v)
          .tags(secondaryPartitionKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name(Keys.GSI1SK).getter(r -> r.gsi1sk).setter((r, v) -> r.gsi1sk = v)
          .tags(secondarySortKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name("type").getter(r -> "Row").setter((r, v) -> { }))
      .addAttribute(String.class, a -> a.name("text").getter(r -> r.text).setter((r, v) -> r.text = v))
      .addAttribute(Long.class, a -> a.name("count").getter(r -> r.count).setter((r, v) -> r.count = v))
      .addAttribute(Boolean.class, a -> a.name("flag").getter(r -> r.flag).setter((r, v) -> r.flag = v))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("list").getter(r -> r.list).setter((r, v) -> r.list = v))
      .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("map").getter(r -> r.map).setter((r, v) -> r.map = v))
      .addAttribute(EnhancedType.mapOf(String.class, Boolean.class), a -> a.name("switches").getter(r -> r.switches)
          .setter((r, v) -> r.switches = v))
      .addAttribute(EnhancedType.setOf(String.class), a -> a.name("set").getter(r -> r.set).setter((r, v) -> r.set = v))
      .addAttribute(Long.class, a -> a.name("version").getter(r -> r.version).setter((r, v) -> r.version = v)
          .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
      .build();

  private static final class ByHand extends ItemSchema<Row> {
    ByHand() {
      super(Row.class, Metadata.keys().indexPartitionKey(Keys.GSI1, Keys.GSI1PK).indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .version("version"), new Row());
    }

    @Override
    protected void write(Row r, Out out) {
      out.string(Keys.PK, r.pk).string(Keys.SK, r.sk).string(Keys.GSI1PK, r.gsi1pk).string(Keys.GSI1SK, r.gsi1sk)
          .string("type", "Row").string("text", r.text).number("count", r.count).bool("flag", r.flag)
          .strings("list", r.list).stringMap("map", r.map).boolMap("switches", r.switches).stringSet("set", r.set)
          .number("version", r.version);
    }

    @Override
    protected Row read(In in) {
      Row r = new Row();
      r.pk = in.string(Keys.PK);
      r.sk = in.string(Keys.SK);
      r.gsi1pk = in.string(Keys.GSI1PK);
      r.gsi1sk = in.string(Keys.GSI1SK);
      r.text = in.string("text");
      r.count = in.number("count");
      r.flag = in.bool("flag");
      r.list = in.strings("list");
      r.map = in.stringMap("map");
      r.switches = in.boolMap("switches");
      r.set = in.stringSet("set");
      r.version = in.number("version");
      return r;
    }
  }

  private static final TableSchema<Row> BY_HAND = new ByHand();

  private static Row full() {
    Row r = new Row();
    r.pk = "ROW#1";
    r.sk = "ROW";
    r.gsi1pk = "G#1";
    r.gsi1sk = "2026-12-06";
    r.text = "Printer op de 2e verdieping";
    r.count = 42L;
    r.flag = true;
    r.list = List.of("b", "a", "");
    Map<String, String> map = new LinkedHashMap<>();
    map.put("z", "1");
    map.put("a", "");
    r.map = map;
    r.switches = Map.of("mail", true, "sms", false);
    r.set = new LinkedHashSet<>(List.of("x", "y"));
    r.version = 3L;
    return r;
  }

  private static Row sparse() {
    Row r = new Row();
    r.pk = "ROW#2";
    r.sk = "ROW";
    r.list = List.of();
    r.map = Map.of();
    return r;
  }

  @Test
  void writesTheAttributeValuesTheStaticSchemaWrites() {
    for (Row row : List.of(full(), sparse(), new Row())) {
      for (boolean ignoreNulls : List.of(true, false)) {
        assertEquals(new TreeMap<>(STATIC.itemToMap(row, ignoreNulls)), new TreeMap<>(BY_HAND.itemToMap(row, ignoreNulls)));
      }
      assertEquals(STATIC.itemToMap(row, List.of(Keys.PK, "text", "list")), BY_HAND.itemToMap(row, List.of(Keys.PK, "text", "list")));
      for (String name : STATIC.attributeNames()) {
        assertEquals(STATIC.attributeValue(row, name), BY_HAND.attributeValue(row, name), name);
      }
    }
  }

  @Test
  void readsWhatTheStaticSchemaWroteAndTheOtherWayRound() {
    for (Row row : List.of(full(), sparse())) {
      assertSame(STATIC.mapToItem(BY_HAND.itemToMap(row, true)), BY_HAND.mapToItem(STATIC.itemToMap(row, true)));
      assertSame(row, BY_HAND.mapToItem(STATIC.itemToMap(row, false)));
    }
    Row fromNul = BY_HAND.mapToItem(Map.of(Keys.PK, AttributeValue.fromS("ROW#3"), "text", AttributeValue.fromNul(true)));
    assertNull(fromNul.text);
    assertNull(fromNul.count);
    assertNull(STATIC.mapToItem(Map.of()));
    assertNull(BY_HAND.mapToItem(Map.of()));
  }

  @Test
  void declaresTheStaticSchemasMetadata() {
    assertEquals(STATIC.attributeNames(), BY_HAND.attributeNames());
    assertEquals(STATIC.itemType(), BY_HAND.itemType());
    TableMetadata expected = STATIC.tableMetadata();
    TableMetadata actual = BY_HAND.tableMetadata();
    assertEquals(expected.primaryKeys(), actual.primaryKeys());
    assertEquals(Set.copyOf(expected.allKeys()), Set.copyOf(actual.allKeys()));
    assertEquals(expected.indexPartitionKey(Keys.GSI1), actual.indexPartitionKey(Keys.GSI1));
    assertEquals(expected.indexSortKey(Keys.GSI1), actual.indexSortKey(Keys.GSI1));
    assertEquals(expected.customMetadata(), actual.customMetadata());
    for (String key : expected.allKeys()) {
      assertEquals(expected.scalarAttributeType(key), actual.scalarAttributeType(key), key);
    }
  }

  @Test
  void worksThroughTheEnhancedClientWithVersionsAsTheStaticSchemaDid() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    PortalTable table = new PortalTable(dynamoDb.client(), dynamoDb.createPortalTable(),
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    DynamoDbTable<Row> byHand = table.table(BY_HAND);
    DynamoDbTable<Row> viaStatic = table.table(STATIC);
    Key key = Key.builder().partitionValue("ROW#1").sortValue("ROW").build();

    Row created = full();
    created.version = null;
    byHand.putItem(created);
    Row stored = viaStatic.getItem(r -> r.key(key).consistentRead(true));
    assertEquals(1L, stored.version);
    assertEquals("Printer op de 2e verdieping", stored.text);

    Row changed = byHand.getItem(r -> r.key(key).consistentRead(true));
    changed.text = null;
    changed.count = 43L;
    Row updated = byHand.updateItem(UpdateItemEnhancedRequest.builder(Row.class).item(changed).ignoreNulls(false).build());
    assertEquals(2L, updated.version);
    assertNull(updated.text);
    assertNull(viaStatic.getItem(r -> r.key(key).consistentRead(true)).text);

    Row stale = full();
    stale.version = 1L;
    assertThrows(ConditionalCheckFailedException.class, () -> byHand.putItem(stale));
    Row again = full();
    again.pk = "ROW#1";
    again.version = null;
    assertThrows(ConditionalCheckFailedException.class, () -> byHand.putItem(again));
    assertEquals(43L, byHand.getItem(r -> r.key(key).consistentRead(true)).count);
  }

  private static void assertSame(Row expected, Row actual) {
    assertEquals(fields(expected), fields(actual));
  }

  private static List<Object> fields(Row r) {
    List<Object> all = new ArrayList<>();
    all.add(r.pk);
    all.add(r.sk);
    all.add(r.gsi1pk);
    all.add(r.gsi1sk);
    all.add(r.text);
    all.add(r.count);
    all.add(r.flag);
    all.add(r.list);
    all.add(r.map);
    all.add(r.switches);
    all.add(r.set);
    all.add(r.version);
    return all;
  }
}
