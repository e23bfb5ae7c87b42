package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link RawItem#SCHEMA} against the SDK's document schema it replaced in SLA record writes: the same
 * attribute map both ways, the same key metadata, and the item written as given by an enhanced
 * transaction against DynamoDB Local, its condition included.
 */
class RawItemTest {
  private static final TableSchema<EnhancedDocument> DOCUMENT = TableSchema.documentSchemaBuilder()
      .addIndexPartitionKey(TableMetadata.primaryIndexName(), Keys.PK, AttributeValueType.S)
      .addIndexSortKey(TableMetadata.primaryIndexName(), Keys.SK, AttributeValueType.S)
      .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
      .build();

  private static Map<String, AttributeValue> outboxLike(String pk) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(Keys.PK, AttributeValue.fromS(pk));
    item.put(Keys.SK, AttributeValue.fromS("MAIL"));
    item.put("Subject", AttributeValue.fromS("SLA-waarschuwing: Printer op de 2e verdieping"));
    item.put("Attempts", AttributeValue.fromN("0"));
    item.put("Urgent", AttributeValue.fromBool(true));
    item.put("To", AttributeValue.fromL(List.of(AttributeValue.fromS("a@example.nl"), AttributeValue.fromS("b@example.nl"))));
    item.put("Headers", AttributeValue.fromM(Map.of("X-Ticket", AttributeValue.fromS("T-42"))));
    item.put("Tags", AttributeValue.fromSs(List.of("sla", "warning")));
    item.put("Body", AttributeValue.fromB(SdkBytes.fromUtf8String("Beste collega,")));
    return item;
  }

  @Test
  void mapsTheAttributesAsTheDocumentSchemaDoes() {
    Map<String, AttributeValue> attributes = outboxLike("MAIL#1");
    assertEquals(DOCUMENT.itemToMap(EnhancedDocument.fromAttributeValueMap(attributes), true),
        RawItem.SCHEMA.itemToMap(new RawItem(attributes), true));
    assertEquals(attributes, RawItem.SCHEMA.mapToItem(attributes).attributes());
    assertNull(RawItem.SCHEMA.mapToItem(Map.of()));
    assertEquals(DOCUMENT.tableMetadata().primaryPartitionKey(), RawItem.SCHEMA.tableMetadata().primaryPartitionKey());
    assertEquals(DOCUMENT.tableMetadata().primarySortKey(), RawItem.SCHEMA.tableMetadata().primarySortKey());
    assertEquals(AttributeValue.fromS("MAIL#1"), RawItem.SCHEMA.attributeValue(new RawItem(attributes), Keys.PK));
  }

  @Test
  void leavesNullsOutOnlyWhenAsked() {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(outboxLike("MAIL#2"));
    attributes.put("LastError", AttributeValue.fromNul(true));
    assertEquals(outboxLike("MAIL#2"), RawItem.SCHEMA.itemToMap(new RawItem(attributes), true));
    assertEquals(attributes, RawItem.SCHEMA.itemToMap(new RawItem(attributes), false));
  }

  @Test
  void putsTheItemAsGivenInAnEnhancedTransactionWithItsCondition() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    String tableName = dynamoDb.createPortalTable();
    PortalTable table = new PortalTable(dynamoDb.client(), tableName,
        new CursorCodec("0123456789abcdef0123456789abcdef".getBytes()));
    Map<String, AttributeValue> attributes = outboxLike("MAIL#3");
    TransactPutItemEnhancedRequest<RawItem> put = TransactPutItemEnhancedRequest.builder(RawItem.class)
        .item(new RawItem(attributes))
        .conditionExpression(Expression.builder().expression("attribute_not_exists(PK)").build()).build();

    table.enhanced().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table.table(RawItem.SCHEMA), put).build());

    Map<String, AttributeValue> stored = dynamoDb.client().getItem(r -> r.tableName(tableName).consistentRead(true)
        .key(Map.of(Keys.PK, attributes.get(Keys.PK), Keys.SK, attributes.get(Keys.SK)))).item();
    assertEquals(attributes, stored);
    assertThrows(TransactionCanceledException.class, () -> table.enhanced().transactWriteItems(
        TransactWriteItemsEnhancedRequest.builder().addPutItem(table.table(RawItem.SCHEMA), put).build()));
  }
}
